namespace MagicHour.Runtime.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that reports at once, on the caller's thread (unlike Progress&lt;T&gt;).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
