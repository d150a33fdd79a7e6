using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed class SecretHygieneTests
{
    [Fact]
    public async Task The_key_and_url_signatures_appear_in_no_log_line_and_no_exception()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync(assetHost: "localhost");
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs, o => o.NetworkTimeout = TimeSpan.FromSeconds(1.5));
        using var directory = new TempDirectory();
        var errors = new List<Exception>();

        async Task Capture(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
        }

        string local = directory.Combine("in.png");
        await File.WriteAllBytesAsync(local, [1, 2, 3]);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "PUT", PathPrefix = "/uploads/", StatusCode = 503 });
        IReadOnlyList<string> uploaded = await TestApi.Uploader(pipeline).UploadAsync([local]);
        await TestApi.EditImageAsync(pipeline, uploaded[0]);

        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = "/v1/ai-image-generator", StatusCode = 429 });
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/downloads/" });
        await TestApi.GenerateAsync(pipeline, directory.Combine("out"));

        foreach (int status in new[] { 401, 402, 404, 422, 500, 502 })
        {
            emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = "/v1/ai-image-generator", StatusCode = status, Times = 10 });
            await Capture(() => TestApi.CreateImageAsync(pipeline));
            emulator.Faults.Clear();
        }

        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "POST", PathPrefix = "/v1/ai-image-generator", AfterProcessing = true });
        await Capture(() => TestApi.CreateImageAsync(pipeline));
        emulator.Faults.Add(new FaultRule(FaultKind.Delay) { Method = "POST", PathPrefix = "/v1/ai-image-generator", Delay = TimeSpan.FromSeconds(6) });
        await Capture(() => TestApi.CreateImageAsync(pipeline));
        emulator.Faults.Add(new FaultRule(FaultKind.MalformedJson) { Method = "POST", PathPrefix = "/v1/ai-image-generator" });
        await Capture(() => TestApi.CreateImageAsync(pipeline));
        emulator.Outcomes.Enqueue(ProjectOutcome.Error("boom", "It broke"));
        await Capture(() => TestApi.GenerateAsync(pipeline, directory.Path));
        emulator.Outcomes.Enqueue(ProjectOutcome.StuckIn("mystery"));
        await Capture(async () =>
        {
            CreatedProject created = await TestApi.CreateImageAsync(pipeline);
            await TestApi.WaitAsync(pipeline, created.Id, TestApi.FastPolling(TimeSpan.FromMilliseconds(300)));
        });
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/downloads/", Times = 10 });
        await Capture(() => TestApi.GenerateAsync(pipeline, directory.Path));
        using (ApiPipeline wrongKey = TestApi.Pipeline(emulator, logs, o => o.ApiKey = TestApi.ApiKey + "x"))
        {
            await Capture(() => TestApi.CreateImageAsync(wrongKey));
        }

        Assert.Equal(13, errors.Count);
        Assert.All(errors, e => Assert.IsAssignableFrom<MagicHourApiException>(e));
        Assert.True(logs.Lines.Count > 50, $"only {logs.Lines.Count} log lines");
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Retrying", StringComparison.Ordinal));
        foreach (string line in logs.Lines)
        {
            Assert.DoesNotContain(TestApi.ApiKey, line);
            Assert.DoesNotContain("sig=", line);
        }

        foreach (Exception error in errors)
        {
            for (Exception? e = error; e is not null; e = e.InnerException)
            {
                Assert.DoesNotContain(TestApi.ApiKey, e.ToString());
                Assert.DoesNotContain(TestApi.ApiKey, e.Message);
            }
        }
    }
}
