using System;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

/// <summary>Starts a fresh emulator with short render times for each test.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    private MagicHourEmulator? _emulator;
    private ApiClient? _client;

    internal MagicHourEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    internal ApiClient Client => _client ?? throw new InvalidOperationException("Not started.");

    protected virtual EmulatorOptions CreateOptions() => new()
    {
        QueuedDuration = TimeSpan.FromMilliseconds(30),
        RenderingDuration = TimeSpan.FromMilliseconds(50),
    };

    public async Task InitializeAsync()
    {
        _emulator = await MagicHourEmulator.StartAsync(CreateOptions());
        _client = new ApiClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
