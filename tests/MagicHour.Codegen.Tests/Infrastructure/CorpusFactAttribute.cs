using System.IO;
using Xunit;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>
/// A fact that reads <c>../shared/specs</c>. On a fresh clone without that folder it is skipped with a visible reason;
/// <c>.ci/run</c> checks that the folder is there, so CI never skips it.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Shared, "specs")))
        {
            Skip = $"The shared spec corpus is not at {RepositoryPaths.Shared}/specs (CI provides it).";
        }
    }
}

/// <summary>The theory counterpart of <see cref="CorpusFactAttribute"/>.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Shared, "specs")))
        {
            Skip = $"The shared spec corpus is not at {RepositoryPaths.Shared}/specs (CI provides it).";
        }
    }
}
