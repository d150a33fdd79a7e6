using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using MagicHour.Codegen.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>Views of generated code for assertions that should not depend on qualification or line wrapping.</summary>
internal static class GeneratedCode
{
    /// <summary>Every framework and runtime type the emitters write, by its fully qualified spelling.</summary>
    public static IReadOnlyList<string> KnownTypeSpellings { get; } = typeof(KnownTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct()
        .OrderByDescending(s => s.Length)
        .ToList();

    private static readonly SymbolDisplayFormat SignatureFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>
    /// The text of one top-level generated type, from its doc comment to its closing brace: files hold several types, so
    /// assertions about one type read only its own code.
    /// </summary>
    public static string Declaration(this IEnumerable<GeneratedSourceResult> sources, string typeName)
    {
        var declaration = new Regex(@"^public [\w ]*(class|record|struct) " + Regex.Escape(typeName) + @"\b", RegexOptions.Multiline);
        foreach (GeneratedSourceResult source in sources)
        {
            string text = source.SourceText.ToString();
            Match match = declaration.Match(text);
            if (!match.Success)
            {
                continue;
            }

            int start = match.Index;
            while (start > 0 && text.LastIndexOf('\n', start - 2) is int previous && previous >= 0 && (text[previous + 1] is '/' or '['))
            {
                start = previous + 1;
            }

            int end = text.IndexOf("\n}\n", match.Index, StringComparison.Ordinal);
            return text.Substring(start, (end < 0 ? text.Length : end + 3) - start);
        }

        throw new InvalidOperationException($"No generated file declares {typeName}.");
    }

    /// <summary>All generated files, with framework and runtime types written by their short names (<c>Task</c>, <c>ApiRequest</c>).</summary>
    public static string UnqualifiedText(this GenerationResult result) =>
        Unqualified(string.Join("\n", result.Sources.Select(s => s.SourceText.ToString())));

    public static string Unqualified(string text)
    {
        foreach (string spelling in KnownTypeSpellings)
        {
            text = text.Replace(spelling, spelling.Substring(spelling.LastIndexOf('.') + 1), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// The public methods of the generated types as C# declares them, with short type names and one line each, e.g.
    /// <c>Task&lt;Pet&gt; GetAsync(long id, CancellationToken cancellationToken = default)</c>.
    /// </summary>
    public static IReadOnlyList<string> Signatures(this GenerationResult result)
    {
        var signatures = new List<string>();
        foreach (SyntaxTree tree in result.Compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            SemanticModel model = result.Compilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(method) is { DeclaredAccessibility: Accessibility.Public } symbol)
                {
                    signatures.Add(Regex.Replace(symbol.ToDisplayString(SignatureFormat), @"= default\([^)]*\)", "= default"));
                }
            }
        }

        return signatures;
    }
}
