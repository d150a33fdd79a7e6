using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MagicHour.Runtime.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 that redirects and records whether each request carried an Authorization header,
/// for what the emulator cannot do: redirects from the API to another host.
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RecordingHttpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptLoopAsync();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Each request as "host path auth=True|False".</summary>
    public ConcurrentQueue<(string Host, string Path, bool HasAuthorization)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            string[] lines = head.ToString().Split("\r\n");
            string path = lines[0].Split(' ')[1];
            string host = lines.FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "";
            bool auth = lines.Any(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase));
            Requests.Enqueue((host.Split(':')[0], path, auth));

            string response = path switch
            {
                "/v1/image-projects/to-other-host" => Redirect($"http://localhost:{Port}/v1/image-projects/landed"),
                "/v1/image-projects/same-host" => Redirect("/v1/image-projects/landed"),
                _ => Json("{\"id\":\"landed\",\"status\":\"complete\",\"enabled\":true,\"credits_charged\":0,\"downloads\":[],\"error\":null}"),
            };
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        }
    }

    private static string Redirect(string location) =>
        $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private static string Json(string body) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
}
