using System.Globalization;
using Grpc.Core;

namespace Samverkan.ServiceDefaults.Grpc;

/// <summary>
/// Dates in the internal gRPC contracts are strings, YYYY-MM-DD, and an empty string for none
/// (proto3 has no date and no null): one reading and writing of them for every service.
/// </summary>
public static class GrpcDates
{
    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The date of an <c>as_of</c> field, null when empty; a malformed one is the caller's INVALID_ARGUMENT.</summary>
    public static DateOnly? ParseAsOf(string asOf) =>
        asOf.Length == 0 ? null
        : DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new RpcException(new Status(StatusCode.InvalidArgument, "as_of is not a date (yyyy-MM-dd)."));
}
