using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// Makes NSwag's output compile, mechanically and minimally, in a copy beside the output as emitted: Roslyn binds code
/// with errors but generates no IL for it, so only output that compiles costs what a build would. Known NSwag bugs are
/// fixed by narrow, named rewrites; then every type the output references but never declares (CS0246) is declared empty
/// in <see cref="StubFile"/>, a compilation at a time (a stub can bring the next missing name into view), until none is
/// left or <see cref="MaxStubRounds"/> is reached. The missing names come from the compiler's diagnostics, so any
/// document works.
/// </summary>
internal static partial class NSwagRepair
{
    public const string StubFile = "NSwagRepairs.cs";

    private const int MaxStubRounds = 5;

    private static readonly NamedRewrite[] Rewrites =
    {
        // A number-typed property with an enum and a default gets the default as a member of an "enum" named after the
        // number type, e.g. `public double Image_count { get; set; } = NSwagClient.double._1;`.
        new("numeric enum default", NumericEnumDefault(), "= ${value};"),
    };

    public static NSwagRepairs Repair(string emittedDirectory, string repairedDirectory)
    {
        Directory.CreateDirectory(repairedDirectory);
        var applied = new Dictionary<NamedRewrite, AppliedRewrite>();
        var trees = new List<SyntaxTree>();
        foreach (string file in Directory.EnumerateFiles(emittedDirectory, "*.cs").Where(f => Path.GetFileName(f) != StubFile).OrderBy(f => f, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            foreach (NamedRewrite rewrite in Rewrites)
            {
                MatchCollection matches = rewrite.Pattern.Matches(text);
                if (matches.Count > 0)
                {
                    AppliedRewrite before = applied.GetValueOrDefault(rewrite) ?? new AppliedRewrite(rewrite.What, 0, matches[0].Value, matches[0].Result(rewrite.Replacement));
                    applied[rewrite] = before with { Count = before.Count + matches.Count };
                    text = rewrite.Pattern.Replace(text, rewrite.Replacement);
                }
            }

            string name = Path.GetFileName(file);
            File.WriteAllText(Path.Combine(repairedDirectory, name), text);
            trees.Add(CompileMeasure.Parse(text, name));
        }

        // Declaration diagnostics (signatures, not method bodies) find most missing types cheaply; the last check is a
        // full one, and the loop goes on if method bodies name more.
        CSharpCompilation compilation = CompileMeasure.Compilation(trees, CompileMeasure.NSwag);
        var stubs = new SortedSet<MissingType>();
        SyntaxTree? stubTree = null;
        List<Diagnostic> errors;
        bool full = false;
        int compilations = 0, stubRounds = 0;
        while (true)
        {
            errors = (full ? compilation.GetDiagnostics() : compilation.GetDeclarationDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            compilations++;
            var missing = errors.Where(d => d.Id == "CS0246").Select(Missing).OfType<MissingType>().Where(t => !stubs.Contains(t)).ToList();
            if (missing.Count > 0 && stubRounds < MaxStubRounds)
            {
                stubRounds++;
                stubs.UnionWith(missing);
                SyntaxTree next = CompileMeasure.Parse(StubSource(stubs), StubFile);
                compilation = stubTree is null ? compilation.AddSyntaxTrees(next) : compilation.ReplaceSyntaxTree(stubTree, next);
                stubTree = next;
            }
            else if (full)
            {
                break;
            }
            else
            {
                full = true;
            }
        }

        if (stubTree is not null)
        {
            File.WriteAllText(Path.Combine(repairedDirectory, StubFile), stubTree.ToString());
        }

        return new NSwagRepairs(
            Rewrites.Where(applied.ContainsKey).Select(r => applied[r]).ToList(),
            stubs.Select(t => t.ToString()).ToList(),
            compilations,
            errors.Count,
            errors.Select(d => d.Id).ToList(),
            errors.FirstOrDefault()?.ToString());
    }

    /// <summary>The type a CS0246 is about, read from the name at its location; null when that is not a plain or generic name.</summary>
    private static MissingType? Missing(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not SyntaxTree tree
            || tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name)
        {
            return null;
        }

        string containingNamespace = string.Join('.', name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));
        return new MissingType(containingNamespace, name.Identifier.ValueText, name is GenericNameSyntax generic ? generic.Arity : 0);
    }

    private static string StubSource(IEnumerable<MissingType> stubs)
    {
        var source = new StringBuilder();
        source.Append("// Not NSwag's: types its output references but does not declare, declared empty by the benchmark (NSwagRepair.cs).\n");
        foreach (IGrouping<string, MissingType> group in stubs.GroupBy(t => t.Namespace))
        {
            string indent = group.Key.Length > 0 ? "    " : "";
            if (group.Key.Length > 0)
            {
                source.Append($"\nnamespace {group.Key}\n{{\n");
            }

            foreach (MissingType type in group)
            {
                string parameters = type.Arity > 0 ? "<" + string.Join(", ", Enumerable.Range(1, type.Arity).Select(i => "T" + i)) + ">" : "";
                source.Append($"{indent}public partial class {type.Name}{parameters} {{ }}\n");
            }

            if (group.Key.Length > 0)
            {
                source.Append("}\n");
            }
        }

        return source.ToString();
    }

    [GeneratedRegex(@"= (?:[A-Za-z_][A-Za-z0-9_]*\.)*(?:sbyte|byte|short|ushort|int|uint|long|ulong|float|double|decimal)\._(?<value>[0-9]+);")]
    private static partial Regex NumericEnumDefault();

    private sealed record NamedRewrite(string What, Regex Pattern, string Replacement);

    private sealed record MissingType(string Namespace, string Name, int Arity) : IComparable<MissingType>
    {
        public int CompareTo(MissingType? other)
        {
            if (other is null)
            {
                return 1;
            }

            int byNamespace = string.CompareOrdinal(Namespace, other.Namespace);
            int byName = string.CompareOrdinal(Name, other.Name);
            return byNamespace != 0 ? byNamespace : byName != 0 ? byName : Arity.CompareTo(other.Arity);
        }

        public override string ToString() => Arity > 0 ? $"{Name}<{new string(',', Arity - 1)}>" : Name;
    }
}
