using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace MagicHour.Emulator;

/// <summary>
/// <c>dotnet run --project samples/MagicHour.Emulator -- --urls http://127.0.0.1:5087 [--api-key KEY] [--asset-host HOST]
/// [--queued-ms N] [--rendering-ms N]</c>
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                string value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
                switch (name)
                {
                    case "--urls":
                        options.Port = ParsePort(value);
                        break;
                    case "--api-key":
                        options.RequiredApiKey = value;
                        break;
                    case "--asset-host":
                        options.AssetHost = value;
                        break;
                    case "--queued-ms":
                        options.QueuedDuration = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture));
                        break;
                    case "--rendering-ms":
                        options.RenderingDuration = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture));
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {name}.");
                }
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        await using MagicHourEmulator emulator = await MagicHourEmulator.StartAsync(options).ConfigureAwait(false);
        Console.WriteLine($"Magic Hour emulator listening on {emulator.BaseAddress} (Ctrl+C to stop)");
        await stop.Task.ConfigureAwait(false);
        return 0;
    }

    // The emulator always binds 127.0.0.1; only the port of --urls is used.
    private static int ParsePort(string urls)
    {
        string first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        if (!Uri.TryCreate(first, UriKind.Absolute, out Uri? url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"--urls must be an http URL such as http://127.0.0.1:5087, not '{urls}'.");
        }

        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"The emulator listens on 127.0.0.1 only; ignoring host '{url.Host}'.");
        }

        return url.Port;
    }
}
