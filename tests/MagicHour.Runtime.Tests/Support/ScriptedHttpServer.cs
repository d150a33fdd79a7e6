using System.Net;
using MagicHour.Runtime.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MagicHour.Runtime.Tests.Support;

/// <summary>A Kestrel server on 127.0.0.1 that answers every request with the test's handler and counts them.</summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requestCount;

    private ScriptedHttpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public static async Task<ScriptedHttpServer> StartAsync(RequestDelegate handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new ScriptedHttpServer(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requestCount);
            return handler(context);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return server;
    }

    public ApiPipeline Pipeline() => ApiPipeline.Create(new MagicHourClientOptions
    {
        ApiKey = TestApi.ApiKey,
        BaseAddress = BaseAddress,
        NetworkTimeout = TimeSpan.FromSeconds(10),
        Retry = new RetryOptions { MaxRetries = 3, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
