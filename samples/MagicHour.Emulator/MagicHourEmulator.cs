using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Emulator.Http;
using MagicHour.Emulator.Projects;
using MagicHour.Emulator.Spec;
using MagicHour.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MagicHour.Emulator;

/// <summary>
/// A local emulator of the Magic Hour image API on 127.0.0.1, driven by the embedded OpenAPI spec.
/// Start one per test (or share one); every member is thread-safe.
/// </summary>
public sealed class MagicHourEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly UploadStore _uploads;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private MagicHourEmulator(WebApplication app, UploadStore uploads, CancellationTokenSource stopping, Uri baseAddress, EmulatorFaults faults, ProjectOutcomes outcomes, EmulatorStats stats)
    {
        _app = app;
        _uploads = uploads;
        _stopping = stopping;
        BaseAddress = baseAddress;
        Faults = faults;
        Outcomes = outcomes;
        Stats = stats;
    }

    /// <summary>The API's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Faults to inject into the next matching requests.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>How the next created projects end.</summary>
    public ProjectOutcomes Outcomes { get; }

    /// <summary>What the emulator has received so far.</summary>
    public EmulatorStats Stats { get; }

    /// <summary>Starts an emulator listening on 127.0.0.1 (on a free port unless <see cref="EmulatorOptions.Port"/> is set).</summary>
    public static async Task<MagicHourEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ApiSpec spec = ApiSpec.Embedded;
        var uploads = new UploadStore();
        var projects = new ProjectStore();
        var outcomes = new ProjectOutcomes();
        var faults = new EmulatorFaults();
        var stats = new EmulatorStats(projects.TotalCreditsCharged);
        var stopping = new CancellationTokenSource();
        var emulator = new EmulatorContext(options, spec, uploads, projects, outcomes, faults, stats, stopping.Token);

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // uploads are streamed to disk
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));

        WebApplication app = builder.Build();
        var dispatcher = new RequestDispatcher(emulator);
        app.Run(dispatcher.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            uploads.Dispose();
            stopping.Dispose();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        int port = new Uri(address).Port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        emulator.AssetBaseAddress = options.AssetHost is null ? baseAddress : new UriBuilder("http", options.AssetHost, port).Uri;
        return new MagicHourEmulator(app, uploads, stopping, baseAddress, faults, outcomes, stats);
    }

    /// <summary>Stops listening and deletes the uploaded files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _uploads.Dispose();
            _stopping.Dispose();
        }
    }
}
