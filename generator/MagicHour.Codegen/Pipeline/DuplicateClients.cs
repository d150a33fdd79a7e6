using System;
using System.Collections.Immutable;
using System.Linq;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen.Pipeline;

/// <summary>The client a document generates, by the names that its generated files and types take.</summary>
/// <param name="HintPrefix">The prefix of its generated files: namespace and client name.</param>
internal sealed record GeneratedClient(string HintPrefix, string Namespace, string ClientName, string Path)
{
    public static GeneratedClient? Of(SpecParseResult result) =>
        result.Model.IsEmpty ? null : new GeneratedClient(result.Model.HintPrefix, result.Model.Namespace, result.Model.ClientName, result.Path);
}

/// <summary>Documents that generate the same client (same namespace and client name, so the same files and types).</summary>
/// <param name="Paths">The documents, in ordinal order.</param>
internal sealed record DuplicateClient(string HintPrefix, string Namespace, string ClientName, ImmutableEquatableArray<string> Paths);

/// <summary>
/// Finds documents that would generate the same client: the compiler takes generated file names without regard to
/// case, so two such documents would make the generator fail as a whole. Neither is generated; each gets MHCG0025.
/// </summary>
internal static class DuplicateClients
{
    public static ImmutableEquatableArray<DuplicateClient> Find(ImmutableArray<GeneratedClient> clients)
    {
        if (clients.Length < 2)
        {
            // The usual project, with one document: nothing to group.
            return ImmutableEquatableArray<DuplicateClient>.Empty;
        }

        return clients
            .GroupBy(c => c.HintPrefix, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateClient(
                g.First().HintPrefix,
                g.First().Namespace,
                g.First().ClientName,
                g.Select(c => c.Path).OrderBy(p => p, StringComparer.Ordinal).ToImmutableEquatableArray()))
            .OrderBy(d => d.HintPrefix, StringComparer.Ordinal)
            .ToImmutableEquatableArray();
    }

    public static bool IsDuplicate(ClientModel model, ImmutableEquatableArray<string> duplicatePrefixes)
    {
        foreach (string prefix in duplicatePrefixes)
        {
            if (string.Equals(prefix, model.HintPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One error per document, at its start, naming the others.</summary>
    public static void Report(SourceProductionContext context, ImmutableEquatableArray<DuplicateClient> duplicates)
    {
        foreach (DuplicateClient duplicate in duplicates)
        {
            foreach (string path in duplicate.Paths)
            {
                string others = string.Join(" and ", duplicate.Paths.Where(p => p != path).Select(p => $"'{p}'"));
                Location location = Location.Create(path, default, new LinePositionSpan(default, default));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, location, path, others, duplicate.Namespace, duplicate.ClientName));
            }
        }
    }
}
