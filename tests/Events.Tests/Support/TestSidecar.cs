using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.Events.Tests.Support;

/// <summary>One bulk publish call as the sidecar took it: the method's name, the request, and the trace and Dapr API token it carried.</summary>
public sealed record BulkPublishCall(string Method, BulkPublishRequest Request, string? TraceParent, string? ApiToken);

/// <summary>Which entries of a bulk the sidecar answers as failed (by their index in the call), given the call's number from 1.</summary>
public delegate IEnumerable<int> BulkFailures(int call, BulkPublishRequest request);

/// <summary>
/// The part of the Dapr sidecar the publisher uses: <c>BulkPublishEvent</c> and its older name
/// <c>BulkPublishEventAlpha1</c> of Dapr's own runtime API (messages from the Dapr.Protos package),
/// served by ASP.NET Core gRPC on an HTTP/2 endpoint. The package has no server base class, so the
/// methods are bound by hand. An old sidecar (<see cref="Log.Alpha1Only"/>) answers the stable name
/// Unimplemented, as a runtime from before it does. As Dapr does,
/// a bulk is not transactional: the entries not failed are published (here in the request's
/// order), the failed ones are answered in <c>failedEntries</c>.
/// </summary>
[BindServiceMethod(typeof(TestSidecar), nameof(BindService))]
public class TestSidecar(TestSidecar.Log log)
{
    public const string ServiceName = "dapr.proto.runtime.v1.Dapr";
    public const string Stable = "BulkPublishEvent";
    public const string Alpha1 = "BulkPublishEventAlpha1";

    public static void BindService(ServiceBinderBase binder, TestSidecar? service)
    {
        // ASP.NET Core binds with no instance and creates one per call, finding the method by name:
        // it must be a virtual method declared on this type, as on a generated service base.
        binder.AddMethod(BulkPublish(Stable), service is null ? null! : service.BulkPublishEvent);
        binder.AddMethod(BulkPublish(Alpha1), service is null ? null! : service.BulkPublishEventAlpha1);
    }

    public virtual Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context)
    {
        if (log.Alpha1Only)
        {
            Interlocked.Increment(ref log.Unimplemented);
            throw new RpcException(new Status(StatusCode.Unimplemented, $"unknown method {Stable}"));
        }
        return PublishAsync(Stable, request, context);
    }

    public virtual Task<BulkPublishResponse> BulkPublishEventAlpha1(BulkPublishRequest request, ServerCallContext context) =>
        PublishAsync(Alpha1, request, context);

    private static Method<BulkPublishRequest, BulkPublishResponse> BulkPublish(string name) => new(
        MethodType.Unary, ServiceName, name,
        Marshallers.Create(message => message.ToByteArray(), BulkPublishRequest.Parser.ParseFrom),
        Marshallers.Create(message => message.ToByteArray(), BulkPublishResponse.Parser.ParseFrom));

    private Task<BulkPublishResponse> PublishAsync(string method, BulkPublishRequest request, ServerCallContext context)
    {
        var call = Interlocked.Increment(ref log.Calls);
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The pub/sub component is not ready."));
        }
        log.BulkCalls.Enqueue(new BulkPublishCall(method, request, context.RequestHeaders.GetValue("traceparent"), context.RequestHeaders.GetValue("dapr-api-token")));
        var failed = log.FailEntries?.Invoke(call, request).ToHashSet() ?? [];
        var response = new BulkPublishResponse();
        for (var index = 0; index < request.Entries.Count; index++)
        {
            var entry = request.Entries[index];
            if (failed.Contains(index))
            {
                response.FailedEntries.Add(new BulkPublishResponseFailedEntry { EntryId = entry.EntryId, Error = "the broker refused it" });
            }
            else
            {
                log.Published.Enqueue(entry);
            }
        }
        return Task.FromResult(response);
    }

    /// <summary>What the sidecar was asked to publish, how many calls it still refuses, and which bulk entries it fails.</summary>
    public sealed class Log
    {
        public int FailuresLeft;
        public int Calls;
        public BulkFailures? FailEntries;

        /// <summary>A sidecar from before the stable name (Dapr 1.10 to 1.14): only <see cref="Alpha1"/> is implemented.</summary>
        public bool Alpha1Only;

        /// <summary>How many calls an old sidecar answered Unimplemented.</summary>
        public int Unimplemented;
        public ConcurrentQueue<BulkPublishCall> BulkCalls { get; } = new();

        /// <summary>Every entry published (not failed), in the order the calls came.</summary>
        public ConcurrentQueue<BulkPublishRequestEntry> Published { get; } = new();
    }

    /// <summary>A running sidecar on 127.0.0.1:0, HTTP/2 only (plaintext gRPC).</summary>
    public sealed class App(WebApplication app, Log log) : IAsyncDisposable
    {
        public Uri Url => new(app.Urls.Single());

        public Log Log { get; } = log;

        /// <param name="failFirstCalls">How many calls to refuse as a whole (Unavailable) first.</param>
        /// <param name="failEntries">Which entries of a call to answer as failed.</param>
        /// <param name="alpha1Only">An old sidecar: the stable name is Unimplemented.</param>
        /// <param name="port">0 for any free port.</param>
        public static async Task<App> StartAsync(int failFirstCalls = 0, BulkFailures? failEntries = null, bool alpha1Only = false, int port = 0)
        {
            var builder = WebApplication.CreateSlimBuilder();
            TestLogging.Configure(builder.Logging);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
            var log = new Log { FailuresLeft = failFirstCalls, FailEntries = failEntries, Alpha1Only = alpha1Only };
            builder.Services.AddSingleton(log);
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.MapGrpcService<TestSidecar>();
            await app.StartAsync();
            return new App(app, log);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
