using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Reads one OpenAPI document into a <see cref="ClientModel"/> and the diagnostics found on the way. Never throws: a
/// document it cannot read becomes an empty model and an error, and a part it cannot express becomes a warning while
/// the rest is kept.
/// </summary>
internal static class SpecParser
{
    public const string DefaultNamespace = "MagicHour.Client";

    /// <summary>The base address OpenApiDocument.Load gives a document read from a stream, so references resolve as they would there.</summary>
    private static readonly Uri DocumentLocation = new("https://openapi.net/");

    public static SpecParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        string fileName = System.IO.Path.GetFileName(input.Path);
        string ns = ValidNamespace(input.Namespace) ?? DefaultNamespace;
        try
        {
            return ParseCore(input, ns, fileName, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Empty(ns, input, DiagnosticInfo.At(DiagnosticDescriptors.GeneratorFailure, string.Empty, fileName, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static SpecParseResult ParseCore(SpecInput input, string ns, string fileName, CancellationToken cancellationToken)
    {
        // The document is parsed once, into a JsonDocument over one UTF-8 copy of the text: the parser reads raw keywords
        // from it, and Microsoft.OpenApi reads it through a JsonNode over the same elements (see Read).
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(input.Text);
        JsonDocument raw;
        try
        {
            raw = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            // The text read is the canonical one: the place is found in the document's own text (JsonLocator).
            return Empty(ns, input, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, null, fileName, FirstSentence(ex.Message)) with { AtJsonError = true });
        }

        using (raw)
        {
            if (raw.RootElement.ValueKind != JsonValueKind.Object
                || !(raw.RootElement.TryGetProperty("openapi", out JsonElement version) || raw.RootElement.TryGetProperty("swagger", out version))
                || version.ValueKind != JsonValueKind.String)
            {
                return Empty(ns, input, DiagnosticInfo.At(DiagnosticDescriptors.NotOpenApi, string.Empty, fileName, "it has no 'openapi' or 'swagger' version field"));
            }

            string versionText = version.GetString() ?? string.Empty;
            if (!(versionText.StartsWith("2.0", StringComparison.Ordinal) || versionText.StartsWith("3.0", StringComparison.Ordinal)
                || versionText.StartsWith("3.1", StringComparison.Ordinal) || versionText.StartsWith("3.2", StringComparison.Ordinal)))
            {
                string pointer = raw.RootElement.TryGetProperty("openapi", out _) ? "/openapi" : "/swagger";
                return Empty(ns, input, DiagnosticInfo.At(DiagnosticDescriptors.NotOpenApi, pointer, fileName, $"version '{versionText}' is not one of 2.0, 3.0, 3.1 or 3.2"));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var readerDiagnostic = new OpenApiDiagnostic();
            OpenApiDocument? read;
            try
            {
                read = Read(raw, readerDiagnostic);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Empty(ns, input, DiagnosticInfo.At(DiagnosticDescriptors.NotOpenApi, string.Empty, fileName, FirstSentence(ex.Message)));
            }

            if (read is null)
            {
                string why = readerDiagnostic.Errors.FirstOrDefault()?.Message ?? "the OpenAPI reader returned no document";
                return Empty(ns, input, DiagnosticInfo.At(DiagnosticDescriptors.NotOpenApi, string.Empty, fileName, why));
            }

            var context = new ParseContext(raw, versionText.StartsWith("2", StringComparison.Ordinal));
            foreach (OpenApiError error in readerDiagnostic.Errors)
            {
                context.Report(DiagnosticDescriptors.ReaderProblem, PointerOf(error.Pointer), error.Message);
            }

            OpenApiDocument document = read;
            string clientName = ValidIdentifier(input.ClientName) ?? DeriveClientName(document.Info?.Title);
            context.TypeNames.Claim(clientName);
            context.TypeNames.Claim(clientName + "ServiceCollectionExtensions");

            (string? baseAddress, string basePath) = Server(document);
            var schemas = new SchemaMapper(context);
            schemas.DeclareComponents(document.Components?.Schemas);
            cancellationToken.ThrowIfCancellationRequested();
            OperationGroupModel root = new OperationMapper(context, schemas, basePath).Map(document.Paths, clientName);

            List<TypeModel> types = context.Types.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            root = new WorkflowMapper(types, input, context).Attach(root);
            string title = document.Info?.Title is { Length: > 0 } t ? t : clientName;
            var model = new ClientModel(
                ns,
                clientName,
                HintPrefix(ns, clientName),
                Docs.Split($"A client for the {title}." + (document.Info?.Description is { Length: > 0 } d ? "\n\n" + d : string.Empty), null),
                baseAddress,
                types.ToImmutableEquatableArray(),
                root);
            return new SpecParseResult(input.Path, model, context.Diagnostics.ToImmutableEquatableArray());
        }
    }

    /// <summary>
    /// Reads the document as <see cref="OpenApiJsonReader"/> does, less what the generator has no use for: the validation
    /// rules (a walk over the whole document, a tenth of the time on a large one) judge style, not what the generator can
    /// read, and what it cannot express gets its own diagnostics. Going to <see cref="ParsingContext"/> directly also
    /// spares building <see cref="OpenApiReaderSettings"/>, whose default rule set is made by reflection over every rule
    /// (the reader requires settings even when told to validate nothing), and the walk that sets reference host documents.
    /// </summary>
    private static OpenApiDocument? Read(JsonDocument raw, OpenApiDiagnostic diagnostic)
    {
        var context = new ParsingContext(diagnostic)
        {
            ExtensionParsers = new Dictionary<string, Func<JsonNode, OpenApiSpecVersion, IOpenApiExtension>>(),
        };

        OpenApiDocument? document = null;
        try
        {
            // A JsonNode over the parser's own JsonDocument: Microsoft.OpenApi makes nodes from its elements as it visits
            // them, just as over a document it parses itself, so the text is parsed once. No SetReferenceHostDocument:
            // that walk over the whole document is for documents built in code, and the deserializers give every
            // reference they make its host document already.
            document = context.Parse(JsonObject.Create(raw.RootElement)!, DocumentLocation);
        }
        catch (OpenApiException ex)
        {
            diagnostic.Errors.Add(new OpenApiError(ex));
        }

        return document;
    }

    /// <summary>The first server's address without its path, and the path that every operation's path gets as a prefix.</summary>
    private static (string? BaseAddress, string BasePath) Server(OpenApiDocument document)
    {
        OpenApiServer? server = document.Servers?.FirstOrDefault();
        if (server?.Url is not { Length: > 0 } url)
        {
            return (null, string.Empty);
        }

        if (server.Variables is { } variables)
        {
            foreach (KeyValuePair<string, OpenApiServerVariable> variable in variables)
            {
                url = url.Replace("{" + variable.Key + "}", variable.Value?.Default ?? string.Empty);
            }
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return (absolute.GetLeftPart(UriPartial.Authority), absolute.AbsolutePath.TrimEnd('/'));
        }

        return (null, url.StartsWith("/", StringComparison.Ordinal) && url.IndexOf('{') < 0 ? url.TrimEnd('/') : string.Empty);
    }

    private static SpecParseResult Empty(string ns, SpecInput input, DiagnosticInfo diagnostic)
    {
        string clientName = ValidIdentifier(input.ClientName) ?? "ApiClient";
        var model = new ClientModel(
            ns,
            clientName,
            HintPrefix(ns, clientName),
            DocModel.Empty,
            null,
            ImmutableEquatableArray<TypeModel>.Empty,
            new OperationGroupModel(clientName, clientName, ImmutableEquatableArray<string>.Empty, ImmutableEquatableArray<OperationModel>.Empty, ImmutableEquatableArray<OperationGroupModel>.Empty))
        {
            IsEmpty = true,
        };
        return new SpecParseResult(input.Path, model, new[] { diagnostic }.ToImmutableEquatableArray());
    }

    /// <summary><c>Magic Hour API</c> → <c>MagicHourClient</c>.</summary>
    private static string DeriveClientName(string? title)
    {
        List<string> words = Identifiers.Words(title ?? string.Empty);
        if (words.Count > 1 && string.Equals(words[words.Count - 1], "api", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(words.Count - 1);
        }

        string name = Identifiers.ToPascalCase(string.Join(" ", words), "Api");
        return name.EndsWith("Client", StringComparison.Ordinal) ? name : name + "Client";
    }

    private static string HintPrefix(string ns, string clientName) => ns + "." + clientName;

    private static string? ValidIdentifier(string? text)
    {
        if (text is not { Length: > 0 })
        {
            return null;
        }

        string trimmed = text.Trim();
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(trimmed) && !Identifiers.IsKeyword(trimmed) ? trimmed : Identifiers.ToPascalCase(trimmed, "Api");
    }

    private static string? ValidNamespace(string? text)
    {
        if (text is not { Length: > 0 })
        {
            return null;
        }

        string[] parts = text.Trim().Split('.');
        return parts.All(p => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(p) && !Identifiers.IsKeyword(p)) ? text.Trim() : null;
    }

    private static string PointerOf(string? pointer)
    {
        if (pointer is not { Length: > 0 })
        {
            return string.Empty;
        }

        string trimmed = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        return trimmed.StartsWith("/", StringComparison.Ordinal) ? trimmed : string.Empty;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end + 1);
    }
}
