using System;

namespace MagicHour.Emulator;

/// <summary>Settings of a <see cref="MagicHourEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The only bearer token accepted; null accepts any non-empty token.</summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>How long a new project reports <c>queued</c>.</summary>
    public TimeSpan QueuedDuration { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How long a project then reports <c>rendering</c> before its outcome.</summary>
    public TimeSpan RenderingDuration { get; set; } = TimeSpan.FromMilliseconds(350);

    /// <summary>
    /// Host name used in upload and download URLs; null uses the API's host (127.0.0.1).
    /// A different name (e.g. "localhost") lets tests check that a client never sends its API key to another host.
    /// </summary>
    public string? AssetHost { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
}
