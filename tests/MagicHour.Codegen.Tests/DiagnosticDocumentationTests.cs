using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>The README's diagnostics table is the generator's descriptors, word for word.</summary>
public class DiagnosticDocumentationTests
{
    [Fact]
    public void The_readme_table_matches_the_descriptors()
    {
        List<string[]> rows = ReadmeTable();
        DiagnosticDescriptor[] descriptors = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(descriptors.Select(d => d.Id), rows.Select(r => r[0]));
        foreach ((DiagnosticDescriptor descriptor, string[] row) in descriptors.Zip(rows))
        {
            Assert.Equal($"{descriptor.Id} | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} | {descriptor.Title} | {descriptor.Description}", string.Join(" | ", row));
        }
    }

    [Fact]
    public void Every_descriptor_has_a_unique_id_a_title_a_description_and_a_message()
    {
        DiagnosticDescriptor[] descriptors = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d =>
        {
            Assert.Matches("^MHCG00[0-9]{2}$", d.Id);
            Assert.NotEmpty(d.Title.ToString());
            Assert.NotEmpty(d.Description.ToString());
            Assert.NotEmpty(d.MessageFormat.ToString());
        });
    }

    /// <summary>The rows of the first table under <c>## Diagnostics</c>, code spans taken as plain text.</summary>
    private static List<string[]> ReadmeTable()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        int heading = Array.IndexOf(lines, "## Diagnostics");
        Assert.True(heading >= 0, "README.md has no '## Diagnostics' section");
        IEnumerable<string> table = lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        return table.Select(l => l.Trim().Trim('|').Split('|').Select(cell => cell.Trim().Replace("`", string.Empty, StringComparison.Ordinal)).ToArray()).ToList();
    }
}
