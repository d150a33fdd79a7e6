using System;
using System.Linq;
using System.Threading;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Emitting;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen;

/// <summary>
/// Generates a typed client from every <c>openapi.json</c> AdditionalFile (or any AdditionalFile with
/// <c>MagicHourCodegen="true"</c> metadata). Only equatable data crosses the pipeline (<see cref="SpecInput"/>,
/// <see cref="ClientModel"/>, diagnostics as <see cref="DiagnosticInfo"/>), so an edit anywhere else in the project
/// re-runs nothing. Diagnostics are reported from their own step, apart from the code, so an edit of a document that
/// only moves them (whitespace, key order) leaves every generated file cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps, for tests that check caching.</summary>
    public static class StepNames
    {
        /// <summary>Each OpenAPI document with its options.</summary>
        public const string SpecInputs = nameof(SpecInputs);

        /// <summary>Each document as the parser reads it: without the whitespace between tokens, so a layout edit changes nothing.</summary>
        public const string CanonicalInputs = nameof(CanonicalInputs);

        /// <summary>Each document read: its model and its diagnostics (by JSON pointer).</summary>
        public const string ParseResults = nameof(ParseResults);

        /// <summary>Each document's model, which the source output writes; it is unchanged by edits that only move diagnostics.</summary>
        public const string ClientModels = nameof(ClientModels);

        /// <summary>Each document's diagnostics, placed in its current text and reported by their own output.</summary>
        public const string Diagnostics = nameof(Diagnostics);

        /// <summary>The documents that would generate the same client.</summary>
        public const string DuplicateClients = nameof(DuplicateClients);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SpecInput> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(StepNames.SpecInputs);

        IncrementalValuesProvider<SpecParseResult> parsed = inputs
            .Select(static (input, _) => SpecCanonicalizer.Canonical(input))
            .WithTrackingName(StepNames.CanonicalInputs)
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(StepNames.ParseResults);

        IncrementalValuesProvider<ClientModel> models = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(StepNames.ClientModels);

        // Placing diagnostics needs the text as it is now; only this step re-runs after a whitespace edit. Both sides of
        // the Combine are classes: the driver's generic code is compiled once for all reference types, but anew for each
        // value-type shape (a tuple, an ImmutableArray), about 120 methods more to JIT-compile on the first run.
        IncrementalValuesProvider<ImmutableEquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => new DocumentDiagnostics(result.Path, result.Diagnostics))
            .Combine(inputs.Collect().Select(static (all, _) => all.ToImmutableEquatableArray()))
            .Select(static (pair, _) => Locate(pair.Left, pair.Right))
            .WithTrackingName(StepNames.Diagnostics);

        // Only the few clashing clients are combined with each model, so a document still re-emits only when it changes.
        IncrementalValueProvider<ImmutableEquatableArray<DuplicateClient>> duplicates = parsed
            .Select(static (result, _) => GeneratedClient.Of(result))
            .Where(static client => client is not null)
            .Select(static (client, _) => client!)
            .Collect()
            .Select(static (clients, _) => DuplicateClients.Find(clients))
            .WithTrackingName(StepNames.DuplicateClients);

        context.RegisterSourceOutput(diagnostics, static (context, diagnostics) => Report(context, diagnostics));
        context.RegisterSourceOutput(duplicates, static (context, duplicates) => DuplicateClients.Report(context, duplicates));
        IncrementalValueProvider<ImmutableEquatableArray<string>> duplicatePrefixes = duplicates
            .Select(static (duplicates, _) => duplicates.Select(d => d.HintPrefix).ToImmutableEquatableArray());
        context.RegisterSourceOutput(models.Combine(duplicatePrefixes), static (context, pair) => Emit(context, pair.Left, pair.Right));
    }

    private static SpecInput? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = optionsProvider.GetOptions(file);
        string? optIn = Option(fileOptions, "build_metadata.AdditionalFiles.MagicHourCodegen");
        bool isDefaultName = string.Equals(System.IO.Path.GetFileName(file.Path), "openapi.json", StringComparison.OrdinalIgnoreCase);
        if (optIn is not null ? !string.Equals(optIn, "true", StringComparison.OrdinalIgnoreCase) : !isDefaultName)
        {
            return null;
        }

        SourceText? text = file.GetText(cancellationToken);
        AnalyzerConfigOptions global = optionsProvider.GlobalOptions;
        string? ns = Option(fileOptions, "build_metadata.AdditionalFiles.MagicHourNamespace")
            ?? Option(global, "build_property.MagicHourCodegenNamespace")
            ?? Option(global, "build_property.RootNamespace");
        string? clientName = Option(fileOptions, "build_metadata.AdditionalFiles.MagicHourClientName")
            ?? Option(global, "build_property.MagicHourCodegenClientName");
        return new SpecInput(
            file.Path,
            text?.ToString() ?? string.Empty,
            ns,
            clientName,
            Option(fileOptions, "build_metadata.AdditionalFiles.MagicHourStatusOperations"),
            Option(fileOptions, "build_metadata.AdditionalFiles.MagicHourAssetFields"));
    }

    private static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static ImmutableEquatableArray<DiagnosticInfo> Locate(DocumentDiagnostics document, ImmutableEquatableArray<SpecInput> inputs)
    {
        if (document.Diagnostics.Count == 0)
        {
            return document.Diagnostics;
        }

        foreach (SpecInput input in inputs)
        {
            if (input.Path == document.Path)
            {
                return JsonLocator.Locate(document.Path, input.Text, document.Diagnostics);
            }
        }

        return JsonLocator.Locate(document.Path, string.Empty, document.Diagnostics);
    }

    private static void Report(SourceProductionContext context, ImmutableEquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Emit(SourceProductionContext context, ClientModel model, ImmutableEquatableArray<string> duplicatePrefixes)
    {
        if (DuplicateClients.IsDuplicate(model, duplicatePrefixes))
        {
            return;
        }

        foreach (SourceFile file in Emitter.Emit(model))
        {
            context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        }
    }
}
