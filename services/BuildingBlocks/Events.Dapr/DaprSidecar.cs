using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Runtime = Dapr.Client.Autogen.Grpc.v1;

namespace Samverkan.Events.Dapr;

/// <summary>
/// The sidecar's runtime API (Dapr's generated gRPC client), reached where Dapr.Client would reach
/// it: <c>DAPR_GRPC_ENDPOINT</c> (or <c>DAPR_GRPC_PORT</c>) and the Dapr API token
/// <c>DAPR_API_TOKEN</c>, sent as <c>dapr-api-token</c> on every call, each read from
/// configuration before the environment. Dapr.Client keeps its own generated client internal,
/// and its <c>BulkPublishEventAsync&lt;T&gt;</c> cannot send our CloudEvent bytes as
/// <c>application/cloudevents+json</c> (it sends byte[] as octet-stream and wraps other types in
/// a CloudEvent of its own), so bulk publish calls the runtime API directly.
/// The channel's HTTP handler propagates the current trace (<c>traceparent</c>), as Dapr.Client's does.
/// </summary>
public sealed class DaprSidecar : IDisposable
{
    /// <summary>The header Dapr's runtime API authenticates callers by.</summary>
    public const string ApiTokenHeader = "dapr-api-token";

    /// <summary>A sidecar that neither answers nor fails in this time counts as not taking the call: it is retried.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private readonly GrpcChannel _channel;
    private readonly Runtime.Dapr.DaprClient _client;
    private readonly Metadata _headers = [];
    private volatile bool _alpha1Only;

    public DaprSidecar(string grpcEndpoint, string? apiToken)
    {
        _channel = GrpcChannel.ForAddress(grpcEndpoint, new GrpcChannelOptions
        {
            ThrowOperationCanceledOnCancellation = true,
            // A bulk carries up to 4 MiB of events (DeliveryBatches), and the answer can list every entry.
            MaxSendMessageSize = EventLimits.MaxEventBytes + 64 * 1024,
        });
        _client = new Runtime.Dapr.DaprClient(_channel);
        if (!string.IsNullOrEmpty(apiToken))
        {
            _headers.Add(ApiTokenHeader, apiToken);
        }
    }

    public static DaprSidecar FromConfiguration(IConfiguration configuration) =>
        new(global::Dapr.DaprDefaults.GetDefaultGrpcEndpoint(configuration), global::Dapr.DaprDefaults.GetDefaultDaprApiToken(configuration));

    /// <summary>
    /// Bulk publish as Dapr.Client 1.19 calls it: the stable <c>BulkPublishEvent</c> first, and
    /// <c>BulkPublishEventAlpha1</c> (the same messages) once a sidecar has answered Unimplemented
    /// (a runtime from before the stable name, 1.10 on), remembered for the process.
    /// </summary>
    public async Task<Runtime.BulkPublishResponse> BulkPublishAsync(Runtime.BulkPublishRequest request, CancellationToken cancellationToken)
    {
        if (!_alpha1Only)
        {
            try
            {
                return await _client.BulkPublishEventAsync(request, CallOptions(cancellationToken));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
            {
                _alpha1Only = true;
            }
        }
#pragma warning disable CS0612 // Obsolete in the proto for the stable name, which this sidecar does not have.
        return await _client.BulkPublishEventAlpha1Async(request, CallOptions(cancellationToken));
#pragma warning restore CS0612
    }

    private CallOptions CallOptions(CancellationToken cancellationToken) =>
        new(_headers, DateTime.UtcNow + CallTimeout, cancellationToken);

    public void Dispose() => _channel.Dispose();
}
