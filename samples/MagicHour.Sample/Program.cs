using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using MagicHour.Client;
using MagicHour.Emulator;
using MagicHour.Runtime;
using MagicHour.Runtime.Projects;
using MagicHour.Sample;

// The sample a newcomer runs first: one GenerateAsync call does upload → create → wait → download.
SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(SampleArguments.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

MagicHourEmulator? emulator = null;
try
{
    var options = new MagicHourClientOptions();
    if (arguments.BaseUrl is { } baseUrl)
    {
        options.BaseAddress = baseUrl;
    }

    bool hasKey = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MagicHourClientOptions.ApiKeyEnvironmentVariable));
    bool hasServer = arguments.BaseUrl is not null || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MagicHourClientOptions.BaseAddressEnvironmentVariable));
    if (!hasKey && hasServer)
    {
        Console.Error.WriteLine($"A server is named (--base-url or {MagicHourClientOptions.BaseAddressEnvironmentVariable}) but {MagicHourClientOptions.ApiKeyEnvironmentVariable} is not set: set the key for that server (any value for a mock that does not check it).");
        return 2;
    }

    if (!hasKey)
    {
        emulator = await MagicHourEmulator.StartAsync(cancellationToken: cancel.Token);
        options.ApiKey = "emulator";
        options.BaseAddress = emulator.BaseAddress;
        Console.WriteLine($"No {MagicHourClientOptions.ApiKeyEnvironmentVariable} set: using the built-in emulator at {emulator.BaseAddress}");
    }

    if (arguments.Image is { } image && AssetLooksLocal(image) && !File.Exists(image))
    {
        Console.Error.WriteLine($"The image '{image}' does not exist.");
        return 1;
    }

    using var client = new MagicHourClient(options);
    if (emulator is null)
    {
        Console.WriteLine($"Calling {client.Pipeline.BaseAddress}");
    }

    var progress = new ProgressDisplay();
    var generate = new GenerateOptions
    {
        DownloadDirectory = arguments.OutputDirectory,
        Progress = progress,
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(emulator is null ? 2000 : 200), Timeout = TimeSpan.FromMinutes(10) },
    };

    ProjectResult<ImageProjectsGetResponse> result = arguments.Command == "edit"
        ? await client.V1.AiImageEditor.GenerateAsync(EditRequest(arguments), generate, cancel.Token)
        : await client.V1.AiImageGenerator.GenerateAsync(GenerateRequest(arguments), generate, cancel.Token);
    progress.Finish();

    Console.WriteLine($"Project {result.ProjectId}: {result.Status}, {result.CreditsCharged ?? 0} credits charged.");
    if (result.Status == ProjectStatus.Complete && result.OutputCount == 0)
    {
        Console.WriteLine("  The project completed but reported no outputs: there was nothing to download.");
    }

    foreach (string path in result.DownloadedPaths)
    {
        Console.WriteLine($"  wrote {path}");
    }

    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(OneLine(ex.Message));
    return 1;
}
catch (MagicHourProjectException ex) when (ex.ProjectStatus == ProjectStatus.Complete)
{
    // It completed and was charged, but its outputs could not be downloaded: the message says why and what to do.
    Console.Error.WriteLine(OneLine(ex.Message));
    return 3;
}
catch (MagicHourProjectException ex) when (ex.Kind == MagicHourErrorKind.Timeout)
{
    Console.Error.WriteLine($"Timed out waiting for project {ex.ProjectId} (last status: {ex.ProjectStatus ?? "unknown"}).");
    return 3;
}
catch (MagicHourProjectException ex)
{
    Console.Error.WriteLine($"Project {ex.ProjectId} ended as {ex.ProjectStatus}: {ex.ErrorMessage ?? ex.Message}{(ex.ErrorCode is null ? string.Empty : $" ({ex.ErrorCode})")}");
    return 3;
}
catch (MagicHourApiException ex)
{
    Console.Error.WriteLine(ex.ServerMessage is { Length: > 0 } server ? $"The API refused the request ({(int?)ex.StatusCode}): {server}" : OneLine(ex.Message));
    return 4;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Canceled.");
    return 130;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static AiImageEditorCreateRequest EditRequest(SampleArguments arguments) => new()
{
    Name = "MagicHour.Sample edit",
    Style = new AiImageEditorCreateRequestStyle { Prompt = arguments.Prompt! },
    Assets = new AiImageEditorCreateRequestAssets { ImageFilePath = arguments.Image },
    Model = arguments.Model is null ? default(AiImageEditorCreateRequestModel?) : KnownOrThrow(arguments.Model, AiImageEditorCreateRequestModel.KnownValues, "model"),
};

static AiImageGeneratorCreateRequest GenerateRequest(SampleArguments arguments) => new()
{
    Name = "MagicHour.Sample generate",
    ImageCount = arguments.Count,
    Style = new AiImageGeneratorCreateRequestStyle { Prompt = arguments.Prompt! },
    Model = arguments.Model is null ? default(AiImageGeneratorCreateRequestModel?) : KnownOrThrow(arguments.Model, AiImageGeneratorCreateRequestModel.KnownValues, "model"),
    AspectRatio = arguments.AspectRatio is null ? default(AiImageGeneratorCreateRequestAspectRatio?) : KnownOrThrow(arguments.AspectRatio, AiImageGeneratorCreateRequestAspectRatio.KnownValues, "aspect ratio"),
};

// The generated enums accept any string (the API adds models often); the sample still catches typos early.
static T KnownOrThrow<T>(string value, IReadOnlyList<T> known, string what)
    where T : struct =>
    known.FirstOrDefault(k => k.ToString() == value) is var match && match.ToString() == value
        ? match
        : throw new ArgumentException($"Unknown {what} '{value}'. Known: {string.Join(", ", known)}.");

static bool AssetLooksLocal(string value) =>
    !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
    && !value.StartsWith("api-assets/", StringComparison.Ordinal);

static string OneLine(string text) => text.ReplaceLineEndings(" ");
