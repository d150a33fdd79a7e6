using System;
using System.Threading;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Emitting;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen;

/// <summary>
/// Generates a typed client from every <c>openapi.json</c> AdditionalFile (or any AdditionalFile with
/// <c>MagicHourCodegen="true"</c> metadata). Only <see cref="SpecInput"/> and <see cref="ClientModel"/>, both
/// equatable, cross the pipeline, so an edit anywhere else in the project re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps, for tests that check caching.</summary>
    public static class StepNames
    {
        public const string SpecInputs = nameof(SpecInputs);
        public const string ClientModels = nameof(ClientModels);
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

        IncrementalValuesProvider<ClientModel> models = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(StepNames.ClientModels);

        context.RegisterSourceOutput(models, static (context, model) => Emit(context, model));
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

    private static void Emit(SourceProductionContext context, ClientModel model)
    {
        foreach (DiagnosticInfo diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        foreach (SourceFile file in Emitter.Emit(model))
        {
            context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        }
    }
}
