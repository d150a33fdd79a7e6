using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// System.ClientModel's message logging for API calls only. An upload or download URL carries its signature in the
/// query, whose parameter names System.ClientModel keeps in its log lines; those requests are logged by the runtime's
/// own lines instead, by path alone.
/// </summary>
internal sealed class AssetAwareLoggingPolicy : PipelinePolicy
{
    private readonly PipelinePolicy _inner;

    public AssetAwareLoggingPolicy(PipelinePolicy inner) => _inner = inner;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        if (MessageContext.Of(message).Authenticate)
        {
            _inner.Process(message, pipeline, currentIndex);
        }
        else
        {
            ProcessNext(message, pipeline, currentIndex);
        }
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        MessageContext.Of(message).Authenticate ? _inner.ProcessAsync(message, pipeline, currentIndex) : ProcessNextAsync(message, pipeline, currentIndex);
}
