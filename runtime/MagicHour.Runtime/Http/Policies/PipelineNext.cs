using System;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>The policies after the current one.</summary>
internal readonly struct PipelineNext
{
    private readonly PipelinePolicy[] _policies;
    private readonly int _index;

    public PipelineNext(PipelinePolicy[] policies, int index)
    {
        _policies = policies;
        _index = index;
    }

    public ValueTask InvokeAsync(PipelineMessage message) =>
        _index < _policies.Length
            ? _policies[_index].ProcessAsync(message, new PipelineNext(_policies, _index + 1))
            : throw new InvalidOperationException("The pipeline has no transport at its end.");
}
