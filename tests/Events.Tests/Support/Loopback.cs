using System.Net;
using System.Net.Sockets;

namespace Samverkan.Events.Tests.Support;

public static class Loopback
{
    /// <summary>The address of an app that is down: a port the system just handed out and nobody listens on.</summary>
    public static Uri UnusedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
