using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>One step of the pipeline; it does its part and calls <see cref="PipelineNext.InvokeAsync"/> for the rest.</summary>
internal abstract class PipelinePolicy
{
    public abstract ValueTask ProcessAsync(PipelineMessage message, PipelineNext next);
}
