using System;
using System.IO;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>In CI the shared corpus must be there, so that the corpus tests really run rather than pass empty.</summary>
public class CorpusPresenceTests
{
    [Fact]
    [Trait("Category", "Corpus")]
    public void Ci_has_the_shared_corpus()
    {
        bool ci = Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value && value != "false";
        if (!ci)
        {
            return;
        }

        Assert.True(Directory.Exists(RepositoryPaths.MagicHourSpecs), $"CI must have ../shared beside the repository ({RepositoryPaths.Shared}).");
    }
}
