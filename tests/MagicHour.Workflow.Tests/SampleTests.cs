using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MagicHour.Emulator;
using Xunit;

namespace MagicHour.Workflow.Tests;

/// <summary>The sample, run as a user runs it, pointed at an emulator with <c>--base-url</c> or <c>MAGIC_HOUR_BASE_URL</c>.</summary>
public sealed class SampleTests : IAsyncLifetime
{
    private const string Key = "mh_live_SAMPLE_ECHO_3e8a71c0f4";

    private readonly string _outputs = Path.Combine(Path.GetTempPath(), "mh-sample-" + Guid.NewGuid().ToString("N"));
    private MagicHourEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await MagicHourEmulator.StartAsync(new EmulatorOptions { RequiredApiKey = Key });

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        if (Directory.Exists(_outputs))
        {
            Directory.Delete(_outputs, recursive: true);
        }
    }

    [Fact]
    public async Task The_sample_calls_the_server_named_by_base_url_and_prints_no_echoed_key()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Error("key_" + Key, $"Your key {Key} may not render this"));

        SampleRun run = await RunAsync(
            new Dictionary<string, string?> { ["MAGIC_HOUR_API_KEY"] = Key, ["MAGIC_HOUR_BASE_URL"] = null },
            "generate", "--prompt", "A lighthouse", "--out", _outputs, "--base-url", _emulator.BaseAddress.ToString());

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(1, _emulator.Stats.CreateCount);
        Assert.Contains("key_***", run.Error);
        Assert.DoesNotContain(Key, run.Output);
        Assert.DoesNotContain(Key, run.Error);
    }

    [Fact]
    public async Task The_sample_honours_MAGIC_HOUR_BASE_URL()
    {
        SampleRun run = await RunAsync(
            new Dictionary<string, string?> { ["MAGIC_HOUR_API_KEY"] = Key, ["MAGIC_HOUR_BASE_URL"] = _emulator.BaseAddress.ToString() },
            "generate", "--prompt", "A lighthouse", "--out", _outputs);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains($"Calling {_emulator.BaseAddress}", run.Output);
        Assert.Contains("wrote", run.Output);
        Assert.Equal(1, _emulator.Stats.CreateCount);
        Assert.Single(Directory.GetFiles(_outputs));
    }

    [Fact]
    public async Task A_base_url_without_a_key_is_refused_before_any_call()
    {
        SampleRun run = await RunAsync(
            new Dictionary<string, string?> { ["MAGIC_HOUR_API_KEY"] = null, ["MAGIC_HOUR_BASE_URL"] = null },
            "generate", "--prompt", "A lighthouse", "--out", _outputs, "--base-url", _emulator.BaseAddress.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("MAGIC_HOUR_API_KEY", run.Error);
        Assert.Equal(0, _emulator.Stats.RequestCount("*", "/"));
    }

    private static async Task<SampleRun> RunAsync(Dictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SamplePath());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string? value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new SampleRun(process.ExitCode, await output, await error);
    }

    /// <summary>The sample built beside this test project, in the same configuration.</summary>
    private static string SamplePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name;
        string configuration = output.Parent!.Name;
        var directory = output;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MagicHour.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        string path = Path.Combine(directory!.FullName, "samples", "MagicHour.Sample", "bin", configuration, framework, "MagicHour.Sample.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The sample is not built", path);
    }

    private sealed record SampleRun(int ExitCode, string Output, string Error);
}
