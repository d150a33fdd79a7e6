using System;
using System.Diagnostics;
using System.Runtime;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Benchmarks;
using MagicHour.Emulator;
using MagicHour.Runtime;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;

// Two figures for the runtime against the in-process emulator on 127.0.0.1:
//  1. memory while one 1 GiB output is downloaded (limit: 64 MiB above the process's baseline, and a GC heap under 64 MiB);
//  2. wall time of 200 concurrent create → poll → download workflows (all must complete).
const long OutputBytes = 1L << 30;
const long MemoryLimit = 64L << 20;
const int Workflows = 200;
const string ApiKey = "mh_benchmark_key";

if (args is ["--download", string baseAddress, string directory])
{
    return await DownloadInThisProcessAsync(new Uri(baseAddress), directory);
}

string root = Path.Combine(Path.GetTempPath(), "mh-benchmarks-" + Guid.NewGuid().ToString("N"));
bool ok = true;
try
{
    await using MagicHourEmulator emulator = await MagicHourEmulator.StartAsync(new EmulatorOptions { RequiredApiKey = ApiKey });
    var options = new MagicHourClientOptions { ApiKey = ApiKey, BaseAddress = emulator.BaseAddress };
    using ApiPipeline pipeline = ApiPipeline.Create(options);
    var polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(5) };

    // Warm up JIT, connection pool and emulator so the baseline includes them.
    await Workflow.RunAsync(pipeline, Path.Combine(root, "warmup"), polling, CancellationToken.None);

    Console.WriteLine($"# 1 GiB download (runtime {Environment.Version}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC)");
    emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadSizeBytes = OutputBytes });
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using (Process self = Process.GetCurrentProcess())
    {
        self.Refresh();
        long baseline = self.WorkingSet64;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        string[] files;
        long peakWorkingSet;
        long peakGcHeap;
        await using (var sampler = new MemorySampler())
        {
            files = [.. await Workflow.RunAsync(pipeline, Path.Combine(root, "large"), polling, CancellationToken.None)];
            await Task.Delay(50);
            peakWorkingSet = sampler.PeakWorkingSet;
            peakGcHeap = sampler.PeakGcHeap;
        }

        clock.Stop();
        long size = new FileInfo(files.Single()).Length;
        long growth = peakWorkingSet - baseline;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine($"file size                 : {size:N0} bytes ({(size == OutputBytes ? "complete" : "WRONG SIZE")})");
        Console.WriteLine($"time                      : {clock.Elapsed.TotalSeconds:F2} s ({size / clock.Elapsed.TotalSeconds / (1 << 20):F0} MiB/s, emulator and client in one process)");
        Console.WriteLine($"working set before        : {baseline / (1 << 20):N1} MiB");
        Console.WriteLine($"peak working set          : {peakWorkingSet / (1 << 20):N1} MiB (growth {growth / (double)(1 << 20):N1} MiB, limit {MemoryLimit >> 20} MiB)");
        Console.WriteLine($"peak GC heap              : {peakGcHeap / (double)(1 << 20):N1} MiB");
        Console.WriteLine($"allocated during download : {allocated / (double)(1 << 20):N1} MiB (client and emulator)");
        Console.WriteLine($"GC collections gen0/1/2   : {GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}");
        ok &= size == OutputBytes && growth < MemoryLimit && peakGcHeap < MemoryLimit;
        File.Delete(files[0]);
    }

    // The same download with the client alone in its process, so that the figure is the client's, not the emulator's.
    Console.WriteLine();
    Console.WriteLine("# 1 GiB download, client in a process of its own");
    emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadSizeBytes = OutputBytes });
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["--download", emulator.BaseAddress.ToString(), Path.Combine(root, "child")])
    {
        RedirectStandardOutput = true,
    })!;
    string childOutput = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    Console.Write(childOutput);
    ok &= child.ExitCode == 0;

    Console.WriteLine();
    Console.WriteLine($"# {Workflows} concurrent workflows (create → poll every 100 ms..1 s → download)");
    var total = Stopwatch.StartNew();
    var durations = new double[Workflows];
    var runs = Enumerable.Range(0, Workflows).Select(async i =>
    {
        var one = Stopwatch.StartNew();
        var result = await Workflow.RunAsync(pipeline, Path.Combine(root, "many"), polling, CancellationToken.None);
        durations[i] = one.Elapsed.TotalMilliseconds;
        return result;
    });
    var results = await Task.WhenAll(runs);
    total.Stop();
    Array.Sort(durations);
    int completed = results.Count(r => r.Count == 1 && File.Exists(r[0]));
    Console.WriteLine($"completed                 : {completed}/{Workflows}");
    Console.WriteLine($"wall time                 : {total.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"per workflow p50/p95/max  : {durations[Workflows / 2]:F0} / {durations[(int)(Workflows * 0.95)]:F0} / {durations[^1]:F0} ms (emulator renders for 500 ms)");
    Console.WriteLine($"creates counted           : {emulator.Stats.CreateCount - 3} (expected {Workflows})");
    ok &= completed == Workflows && emulator.Stats.CreateCount - 3 == Workflows;
}
finally
{
    try
    {
        Directory.Delete(root, recursive: true);
    }
    catch (IOException)
    {
    }
}

Console.WriteLine();
Console.WriteLine(ok ? "RESULT: PASS" : "RESULT: FAIL");
return ok ? 0 : 1;

static async Task<int> DownloadInThisProcessAsync(Uri baseAddress, string directory)
{
    var options = new MagicHourClientOptions { ApiKey = ApiKey, BaseAddress = baseAddress };
    using ApiPipeline pipeline = ApiPipeline.Create(options);
    var polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(5) };
    var clock = Stopwatch.StartNew();
    string file;
    long peakWorkingSet;
    long peakGcHeap;
    await using (var sampler = new MemorySampler())
    {
        file = (await Workflow.RunAsync(pipeline, directory, polling, CancellationToken.None)).Single();
        await Task.Delay(50);
        peakWorkingSet = sampler.PeakWorkingSet;
        peakGcHeap = sampler.PeakGcHeap;
    }

    long size = new FileInfo(file).Length;
    File.Delete(file);
    Console.WriteLine($"file size                 : {size:N0} bytes ({(size == OutputBytes ? "complete" : "WRONG SIZE")})");
    Console.WriteLine($"time                      : {clock.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"peak working set (process): {peakWorkingSet / (double)(1 << 20):N1} MiB (limit {MemoryLimit >> 20} MiB)");
    Console.WriteLine($"peak GC heap              : {peakGcHeap / (double)(1 << 20):N1} MiB");
    return size == OutputBytes && peakWorkingSet < MemoryLimit ? 0 : 1;
}
