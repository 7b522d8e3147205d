namespace Samverkan.TestSupport;

/// <summary>
/// HTTP clients made once per key (a caller and where it calls) and disposed together, so a
/// fixture's tests asking for the same caller share one client.
/// </summary>
internal sealed class ClientCache : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public HttpClient Get(string key, Func<HttpClient> create)
    {
        lock (clients)
        {
            if (!clients.TryGetValue(key, out var client))
            {
                client = create();
                clients[key] = client;
            }
            return client;
        }
    }

    public void Dispose()
    {
        lock (clients)
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
            clients.Clear();
        }
    }
}
