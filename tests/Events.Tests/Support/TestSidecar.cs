using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.Events.Tests.Support;

/// <summary>One PublishEvent call as the sidecar received it.</summary>
public sealed record PublishCall(PublishEventRequest Request, string? TraceParent);

/// <summary>
/// The part of the Dapr sidecar the publisher uses: <c>PublishEvent</c> of Dapr's own runtime API
/// (messages from the Dapr.Protos package), served by ASP.NET Core gRPC on an HTTP/2 endpoint.
/// The package has no server base class, so the method is bound by hand.
/// </summary>
[BindServiceMethod(typeof(TestSidecar), nameof(BindService))]
public class TestSidecar(TestSidecar.Log log)
{
    public const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    private static readonly Method<PublishEventRequest, Empty> PublishEventMethod = new(
        MethodType.Unary, ServiceName, "PublishEvent",
        Marshallers.Create(message => message.ToByteArray(), PublishEventRequest.Parser.ParseFrom),
        Marshallers.Create(message => message.ToByteArray(), Empty.Parser.ParseFrom));

    public static void BindService(ServiceBinderBase binder, TestSidecar? service) =>
        // ASP.NET Core binds with no instance and creates one per call, finding the method by name:
        // it must be a virtual method declared on this type, as on a generated service base.
        binder.AddMethod(PublishEventMethod, service is null ? null! : service.PublishEvent);

    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref log.Calls);
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The pub/sub component is not ready."));
        }
        log.Published.Enqueue(new PublishCall(request, context.RequestHeaders.GetValue("traceparent")));
        return Task.FromResult(new Empty());
    }

    /// <summary>What the sidecar was asked to publish, and how many calls it still refuses.</summary>
    public sealed class Log
    {
        public int FailuresLeft;
        public int Calls;
        public ConcurrentQueue<PublishCall> Published { get; } = new();
    }

    /// <summary>A running sidecar on 127.0.0.1:0, HTTP/2 only (plaintext gRPC).</summary>
    public sealed class App(WebApplication app, Log log) : IAsyncDisposable
    {
        public Uri Url => new(app.Urls.Single());

        public Log Log { get; } = log;

        public static async Task<App> StartAsync(int failFirstCalls = 0)
        {
            var builder = WebApplication.CreateSlimBuilder();
            TestLogging.Configure(builder.Logging);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            var log = new Log { FailuresLeft = failFirstCalls };
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
