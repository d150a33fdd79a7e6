using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Benchmarks;

/// <summary>Samples the process's working set and the GC heap every few milliseconds and keeps the peaks.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler()
    {
        _loop = Task.Run(SampleAsync);
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakGcHeap { get; private set; }

    public int Samples { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using Process process = Process.GetCurrentProcess();
        while (true)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakGcHeap = Math.Max(PeakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
            Samples++;
            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
