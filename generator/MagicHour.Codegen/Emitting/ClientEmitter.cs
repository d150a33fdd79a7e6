using System.Collections.Generic;
using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Writes the root client and one class per operation group, with an async method per operation.</summary>
internal static class ClientEmitter
{
    private static readonly string[] Usings =
    {
        "System", "System.CodeDom.Compiler", "System.Collections.Generic", "System.Net.Http", "System.Text.Json", "System.Threading",
        "System.Linq", "System.Threading.Tasks", "MagicHour.Runtime", "MagicHour.Runtime.Http", "MagicHour.Runtime.Json", "MagicHour.Runtime.Projects",
    };

    public static string EmitRoot(ClientModel model)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, model.Namespace, UsingsFor(model.Root));
        OperationGroupModel root = model.Root;
        string name = model.ClientName;

        w.Doc(model.Documentation, $"A client for the API.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name} : IDisposable");
        string defaultAddress = model.DefaultBaseAddress is null ? "null" : "DefaultBaseAddress";
        if (model.DefaultBaseAddress is not null)
        {
            w.DocXml("summary", "The address requests go to unless <see cref=\"MagicHourClientOptions.BaseAddress\"/> is set: the spec's first server.");
            w.Line($"public static Uri DefaultBaseAddress {{ get; }} = new({CodeWriter.Literal(model.DefaultBaseAddress)});");
            w.Line();
        }

        w.Line("private readonly ApiPipeline _pipeline;");
        w.Line("private readonly bool _ownsPipeline;");
        w.Line();
        w.DocXml("summary", $"Creates a client with default options: the API key comes from the <c>{"MAGIC_HOUR_API_KEY"}</c> environment variable.");
        w.Line($"public {name}()");
        w.Line("    : this(new MagicHourClientOptions())");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocTag("summary", "Creates a client with its own HTTP connection pool.");
        w.Line("/// <param name=\"options\">API key, base address, timeouts and retries.</param>");
        w.Line($"public {name}(MagicHourClientOptions options)");
        w.Line($"    : this(ApiPipeline.Create(options, {defaultAddress}), ownsPipeline: true)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocXml("summary", "Creates a client over an <see cref=\"HttpClient\"/> you manage, e.g. one from <c>IHttpClientFactory</c>.");
        w.Line("/// <param name=\"httpClient\">The HTTP client to send requests with; it is not disposed with this client.</param>");
        w.Line("/// <param name=\"options\">API key, base address, timeouts and retries.</param>");
        w.Line($"public {name}(HttpClient httpClient, MagicHourClientOptions? options = null)");
        w.Line($"    : this(new ApiPipeline(httpClient, options, disposeHttpClient: false, {defaultAddress}), ownsPipeline: true)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocTag("summary", "Creates a client over an existing pipeline, which it does not dispose.");
        w.Line("/// <param name=\"pipeline\">The pipeline that sends every request.</param>");
        w.Line($"public {name}(ApiPipeline pipeline)");
        w.Line("    : this(pipeline, ownsPipeline: false)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Open($"private {name}(ApiPipeline pipeline, bool ownsPipeline)");
        w.Line("_pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));");
        w.Line("_ownsPipeline = ownsPipeline;");
        foreach (OperationGroupModel group in root.Groups)
        {
            w.Line($"{group.PropertyName} = new {group.ClassName}(pipeline);");
        }

        w.Close();
        w.Line();
        w.DocTag("summary", "The pipeline that sends this client's requests.");
        w.Line("public ApiPipeline Pipeline => _pipeline;");
        EmitGroupProperties(w, root);
        EmitOperations(w, root);
        w.Line();
        w.DocTag("summary", "Releases the HTTP resources this client created.");
        w.Open("public void Dispose()");
        w.Open("if (_ownsPipeline)");
        w.Line("_pipeline.Dispose();");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The usings of a client class; <c>System.IO</c> only where an operation takes a <c>Stream</c>.</summary>
    private static string[] UsingsFor(OperationGroupModel group) =>
        group.Operations.Any(o => o.RequestBody?.Kind == BodyKind.Stream)
            ? Usings.Take(3).Concat(new[] { "System.IO" }).Concat(Usings.Skip(3)).ToArray()
            : Usings;

    /// <summary>The <c>services.AddMagicHourClient(...)</c> extension that registers this client with DI.</summary>
    public static string EmitServiceCollectionExtensions(ClientModel model)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, model.Namespace, "System", "System.CodeDom.Compiler", "MagicHour.Runtime", "Microsoft.Extensions.DependencyInjection");
        string name = model.ClientName;
        string defaultAddress = model.DefaultBaseAddress is null ? "null" : $"{name}.DefaultBaseAddress";
        w.DocXml("summary", $"Registers <see cref=\"{name}\"/> with dependency injection.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public static class {name}ServiceCollectionExtensions");
        w.DocXml("summary", $"Registers <see cref=\"{name}\"/> over an <c>IHttpClientFactory</c> client, logging through the container's logger factory.");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configure\">Sets the options, e.g. the API key; without one, <c>MAGIC_HOUR_API_KEY</c> is read.</param>");
        w.Line("/// <returns>The builder of the underlying HttpClient, to add handlers or settings.</returns>");
        w.Line($"public static IHttpClientBuilder Add{name}(this IServiceCollection services, Action<MagicHourClientOptions>? configure = null) =>");
        w.Line($"    services.AddMagicHourClient(static pipeline => new {name}(pipeline), configure, {defaultAddress});");
        w.Close();
        return w.ToString();
    }

    public static string EmitGroup(OperationGroupModel group, string ns)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, ns, UsingsFor(group));
        string path = "/" + string.Join("/", group.PathSegments);
        w.DocTag("summary", $"The operations under `{path}`.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {group.ClassName}");
        w.Line("private readonly ApiPipeline _pipeline;");
        w.Line();
        w.Open($"internal {group.ClassName}(ApiPipeline pipeline)");
        w.Line("_pipeline = pipeline;");
        foreach (OperationGroupModel child in group.Groups)
        {
            w.Line($"{child.PropertyName} = new {child.ClassName}(pipeline);");
        }

        w.Close();
        EmitGroupProperties(w, group);
        EmitOperations(w, group);
        w.Close();
        return w.ToString();
    }

    private static void EmitGroupProperties(CodeWriter w, OperationGroupModel group)
    {
        foreach (OperationGroupModel child in group.Groups)
        {
            w.Line();
            w.DocTag("summary", $"The operations under `/{string.Join("/", child.PathSegments)}`.");
            w.Line($"public {child.ClassName} {child.PropertyName} {{ get; }}");
        }
    }

    private static void EmitOperations(CodeWriter w, OperationGroupModel group)
    {
        foreach (OperationModel operation in group.Operations)
        {
            w.Line();
            EmitOperation(w, operation);
            if (operation.Workflow is not null)
            {
                w.Line();
                (List<string> declarations, List<string> arguments) = Parameters(operation);
                WorkflowEmitter.Emit(w, operation, declarations, arguments);
            }

            if (operation.ProjectAdapter is not null)
            {
                w.Line();
                WorkflowEmitter.EmitProjectAdapter(w, operation.ProjectAdapter);
            }

            if (operation.UploadAdapter is not null)
            {
                w.Line();
                WorkflowEmitter.EmitUploadAdapter(w, operation.UploadAdapter);
            }
        }
    }

    /// <summary>The method's parameters (without the cancellation token) and the names to pass them on with.</summary>
    private static (List<string> Declarations, List<string> Arguments) Parameters(OperationModel operation)
    {
        string? bodyName = operation.RequestBody is null ? null : operation.RequestBody.Type.Kind == TypeRefKind.Object ? "request" : "body";
        var declarations = new List<string>();
        var arguments = new List<string>();
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.IsRequired))
        {
            declarations.Add($"{TypeNames.Of(parameter.Type, parameter.Type.IsNullable)} {parameter.Name}");
            arguments.Add(parameter.Name);
        }

        if (operation.RequestBody is { Kind: BodyKind.Json } requestBody)
        {
            declarations.Add(requestBody.IsRequired
                ? $"{TypeNames.Of(requestBody.Type, false)} {bodyName}"
                : $"{TypeNames.Of(requestBody.Type, true)} {bodyName} = null");
            arguments.Add(bodyName!);
        }
        else if (operation.RequestBody is { Kind: BodyKind.Stream } stream)
        {
            declarations.Add(stream.IsRequired ? $"Stream {stream.ParameterName}" : $"Stream? {stream.ParameterName} = null");
            arguments.Add(stream.ParameterName!);
            if (stream.MediaTypeParameter is not null)
            {
                declarations.Add($"string {stream.MediaTypeParameter} = {CodeWriter.Literal(stream.MediaType!)}");
                arguments.Add(stream.MediaTypeParameter);
            }
        }
        else if (operation.RequestBody is { } form)
        {
            foreach (FormFieldModel field in form.Fields)
            {
                string type = FieldType(field, !field.IsRequired || field.Type.IsNullable);
                declarations.Add(field.IsRequired ? $"{type} {field.Name}" : $"{type} {field.Name} = null");
                arguments.Add(field.Name);
            }
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => !p.IsRequired))
        {
            declarations.Add($"{TypeNames.Of(parameter.Type, true)} {parameter.Name} = null");
            arguments.Add(parameter.Name);
        }

        return (declarations, arguments);
    }

    private static void EmitOperation(CodeWriter w, OperationModel operation)
    {
        string? bodyName = operation.RequestBody is null ? null : operation.RequestBody.Type.Kind == TypeRefKind.Object ? "request" : "body";
        w.Doc(operation.Documentation, $"{operation.HttpMethod} {operation.Path}");
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.IsRequired))
        {
            ParamDoc(w, parameter);
        }

        if (operation.RequestBody is { Kind: BodyKind.Json } body)
        {
            w.DocTag("param", body.Description is { Length: > 0 } d && d != "Body" ? d : "The request body.", $"name=\"{bodyName}\"");
        }
        else if (operation.RequestBody is { Kind: BodyKind.Stream } stream)
        {
            string description = stream.Description is { Length: > 0 } d && d != "Body" ? d : "The request body.";
            w.DocTag("param", description + " It is streamed, read once and not disposed; the call is not retried once sending began.", $"name=\"{stream.ParameterName}\"");
            if (stream.MediaTypeParameter is not null)
            {
                w.DocTag("param", "The media type of the body, sent as Content-Type.", $"name=\"{stream.MediaTypeParameter}\"");
            }
        }
        else if (operation.RequestBody is { } form)
        {
            foreach (FormFieldModel field in form.Fields)
            {
                string attribute = $"name=\"{field.Name.TrimStart('@')}\"";
                string file = field.IsFile ? " Its stream is read once and not disposed." : string.Empty;
                if (field.Description is { Length: > 0 } description)
                {
                    w.DocTag("param", description + file, attribute);
                }
                else
                {
                    w.DocXml("param", $"The <c>{CodeWriter.XmlText(field.WireName)}</c> {(!field.IsFile ? "form field" : field.Type.Kind == TypeRefKind.Array ? "files" : "file")}.{file}", attribute);
                }
            }
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => !p.IsRequired))
        {
            ParamDoc(w, parameter);
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        if (operation.ResponseKind == ResponseKind.Text)
        {
            w.Line("/// <returns>The response text.</returns>");
        }
        else if (operation.ResponseKind == ResponseKind.Binary)
        {
            w.Line("/// <returns>The response, its body still streaming. Dispose it: that releases the connection.</returns>");
        }
        else if (operation.ResponseType is not null)
        {
            w.Line("/// <returns>The response body.</returns>");
        }

        string invalid = operation.ResponseKind == ResponseKind.Json ? ", or the response is not the JSON the API promises." : ".";
        string errors = operation.Errors.Count == 0
            ? "The API answered with an error status" + invalid
            : "The API answered with an error (" + string.Join("; ", operation.Errors.Select(e => e.Description is { Length: > 0 } d ? $"{e.StatusCode}: {d.TrimEnd('.')}" : e.StatusCode)) + ")" + invalid;
        w.DocTag("exception", errors, "cref=\"MagicHourApiException\"");
        if (operation.ObsoleteMessage is not null)
        {
            w.Line($"[Obsolete({CodeWriter.Literal(operation.ObsoleteMessage)})]");
        }

        List<string> signature = Parameters(operation).Declarations;
        signature.Add("CancellationToken cancellationToken = default");
        string returnType = operation.ResponseKind switch
        {
            ResponseKind.Text => "Task<string>",
            ResponseKind.Binary => "Task<BinaryResponse>",
            _ => operation.ResponseType is null ? "Task" : $"Task<{TypeNames.Of(operation.ResponseType, false)}>",
        };
        w.Open($"public {returnType} {operation.MethodName}Async({string.Join(", ", signature)})");

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.IsRequired && !p.Type.IsValueType && !p.Type.IsNullable))
        {
            w.Line($"ArgumentNullException.ThrowIfNull({parameter.Name});");
        }

        if (operation.RequestBody is { Kind: BodyKind.Json, IsRequired: true } && !operation.RequestBody.Type.IsValueType)
        {
            w.Line($"ArgumentNullException.ThrowIfNull({bodyName});");
        }
        else if (operation.RequestBody is { Kind: BodyKind.Stream, IsRequired: true } stream)
        {
            w.Line($"ArgumentNullException.ThrowIfNull({stream.ParameterName});");
        }
        else if (operation.RequestBody is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } form)
        {
            foreach (FormFieldModel field in form.Fields.Where(f => f.IsRequired && (f.IsFile || f.Type.Kind == TypeRefKind.Array || !f.Type.IsValueType) && !f.Type.IsNullable))
            {
                w.Line($"ArgumentNullException.ThrowIfNull({field.Name});");
            }
        }

        w.Line($"var apiRequest = new ApiRequest({HttpMethodExpression(operation.HttpMethod)}, {PathExpression(operation)}, {CodeWriter.Literal(operation.OperationId)});");
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Location is ParameterLocation.Query or ParameterLocation.Header))
        {
            EmitParameter(w, parameter);
        }

        if (operation.RequestBody is { Kind: BodyKind.Stream } streamBody)
        {
            EmitStreamBody(w, streamBody);
        }
        else if (operation.RequestBody is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } formBody)
        {
            EmitFormBody(w, formBody);
        }
        else if (operation.RequestBody is { } bodyModel)
        {
            string write = $"apiRequest.SetJsonBody({bodyName}, {WriterDelegate(bodyModel.Type)});";
            if (bodyModel.IsRequired)
            {
                w.Line(write);
            }
            else
            {
                w.Open($"if ({bodyName} is not null)");
                w.Line(write.Replace($"SetJsonBody({bodyName},", bodyModel.Type.IsValueType ? $"SetJsonBody({bodyName}.Value," : $"SetJsonBody({bodyName},"));
                w.Close();
            }
        }

        if (operation.ResponseAccept is not null)
        {
            w.Line($"apiRequest.Accept = {CodeWriter.Literal(operation.ResponseAccept)};");
        }

        if (operation.ResponseKind == ResponseKind.Text)
        {
            w.Line("return _pipeline.SendForStringAsync(apiRequest, cancellationToken);");
        }
        else if (operation.ResponseKind == ResponseKind.Binary)
        {
            w.Line("return _pipeline.SendForBinaryAsync(apiRequest, cancellationToken);");
        }
        else if (operation.ResponseType is null)
        {
            w.Line("return _pipeline.SendAsync(apiRequest, cancellationToken);");
        }
        else
        {
            string type = TypeNames.Of(operation.ResponseType, false);
            w.Line($"return _pipeline.SendAsync<{type}>(apiRequest, {ReaderDelegate(operation.ResponseType)}, cancellationToken);");
        }

        w.Close();
    }

    private static void EmitStreamBody(CodeWriter w, RequestBodyModel body)
    {
        string mediaType = body.MediaTypeParameter ?? CodeWriter.Literal(body.MediaType!);
        string write = $"apiRequest.SetStreamBody({body.ParameterName}, {mediaType});";
        if (body.IsRequired)
        {
            w.Line(write);
            return;
        }

        w.Open($"if ({body.ParameterName} is not null)");
        w.Line(write);
        w.Close();
    }

    /// <summary>Collects the form's fields (files with <c>AddFile</c>, the rest formatted as text) and sets the body.</summary>
    private static void EmitFormBody(CodeWriter w, RequestBodyModel body)
    {
        string form = body.ParameterName!;
        w.Line($"var {form} = new FormBody();");
        foreach (FormFieldModel field in body.Fields)
        {
            string add = field.IsFile ? "AddFile" : "Add";
            string name = CodeWriter.Literal(field.WireName);
            bool nullable = !field.IsRequired || field.Type.IsNullable;
            if (field.Type.Kind == TypeRefKind.Array)
            {
                if (nullable)
                {
                    w.Open($"if ({field.Name} is not null)");
                }

                TypeRef element = field.Type.Element!;
                string value = field.IsFile ? "item" : element.IsNullable ? $"item is null ? null : {Format(element, "item", true)}" : Format(element, "item", false);
                w.Open($"foreach (var item in {field.Name})");
                w.Line($"{form}.{add}({name}, {value});");
                w.Close();
                if (nullable)
                {
                    w.Close();
                }

                continue;
            }

            string single = field.IsFile ? field.Name
                : nullable ? $"{field.Name} is null ? null : {Format(field.Type, field.Name, true)}"
                : Format(field.Type, field.Name, false);
            w.Line($"{form}.{add}({name}, {single});");
        }

        w.Line(body.Kind == BodyKind.Multipart ? $"apiRequest.SetMultipartBody({form});" : $"apiRequest.SetFormUrlEncodedBody({form});");
    }

    private static string FieldType(FormFieldModel field, bool nullable)
    {
        if (!field.IsFile)
        {
            return TypeNames.Of(field.Type, nullable);
        }

        string type = field.Type.Kind == TypeRefKind.Array ? "IReadOnlyList<FilePart>" : "FilePart";
        return nullable ? type + "?" : type;
    }

    private static void EmitParameter(CodeWriter w, ParameterModel parameter)
    {
        string add = parameter.Location == ParameterLocation.Query ? "AddQuery" : "AddHeader";
        string name = CodeWriter.Literal(parameter.WireName);
        bool nullable = !parameter.IsRequired || parameter.Type.IsNullable;
        if (parameter.Type.Kind == TypeRefKind.Array)
        {
            string items = parameter.Name;
            if (nullable)
            {
                w.Open($"if ({items} is not null)");
            }

            if (parameter.Explode && parameter.Location == ParameterLocation.Query)
            {
                w.Open($"foreach (var item in {items})");
                w.Line($"apiRequest.{add}({name}, {Format(parameter.Type.Element!, "item", parameter.Type.Element!.IsNullable)});");
                w.Close();
            }
            else
            {
                w.Line($"apiRequest.{add}({name}, {JoinItems(parameter.Type, items)});");
            }

            if (nullable)
            {
                w.Close();
            }

            return;
        }

        string value = nullable
            ? $"{parameter.Name} is null ? null : {Format(parameter.Type, parameter.Name, true)}"
            : Format(parameter.Type, parameter.Name, false);
        w.Line($"apiRequest.{add}({name}, {value});");
    }

    private static string PathExpression(OperationModel operation)
    {
        var parts = new List<string>();
        string path = operation.Path;
        int position = 0;
        while (position < path.Length)
        {
            int open = path.IndexOf('{', position);
            int close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(CodeWriter.Literal(path.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(CodeWriter.Literal(path.Substring(position, open - position)));
            }

            string wireName = path.Substring(open + 1, close - open - 1);
            ParameterModel? parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == wireName);
            parts.Add(parameter is null
                ? CodeWriter.Literal(path.Substring(open, close - open + 1))
                : parameter.Type.Kind == TypeRefKind.Array
                    ? $"ParameterFormatter.EscapePath({JoinItems(parameter.Type, parameter.Name)})"
                    : $"ParameterFormatter.EscapePath({Format(parameter.Type, parameter.Name, parameter.Type.IsNullable)})");
            position = close + 1;
        }

        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static string JoinItems(TypeRef arrayType, string items) =>
        $"string.Join(\",\", System.Linq.Enumerable.Select({items}, static item => {Format(arrayType.Element!, "item", arrayType.Element!.IsNullable)}))";

    /// <summary>An expression formatting a parameter value as text; <paramref name="nullable"/> values are known non-null here.</summary>
    private static string Format(TypeRef type, string value, bool nullable)
    {
        string v = nullable && type.IsValueType ? value + ".Value" : value;
        return type.Kind switch
        {
            TypeRefKind.Enum => $"{v}.Value",
            TypeRefKind.Any => $"{v}.GetRawText()",
            TypeRefKind.Bytes => $"Convert.ToBase64String({v})",
            TypeRefKind.Object or TypeRefKind.Array or TypeRefKind.Dictionary => $"ParameterFormatter.Format((object){v})",
            _ => $"ParameterFormatter.Format({v})",
        };
    }

    private static string WriterDelegate(TypeRef type) => type.Kind is TypeRefKind.Object or TypeRefKind.Enum
        ? $"{type.Name}JsonConverter.WriteValue"
        : $"static (writer, value) => {JsonCode.WriteNullable(type.WithNullable(false), "writer", "value", 1)}";

    private static string ReaderDelegate(TypeRef type) => type.Kind is TypeRefKind.Object or TypeRefKind.Enum
        ? $"{type.Name}JsonConverter.ReadValue"
        : $"static (ref Utf8JsonReader reader) => {JsonCode.Read(type, "reader")}";

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "HttpMethod.Get",
        "POST" => "HttpMethod.Post",
        "PUT" => "HttpMethod.Put",
        "DELETE" => "HttpMethod.Delete",
        "PATCH" => "HttpMethod.Patch",
        "HEAD" => "HttpMethod.Head",
        "OPTIONS" => "HttpMethod.Options",
        "TRACE" => "HttpMethod.Trace",
        _ => $"new HttpMethod({CodeWriter.Literal(method)})",
    };

    private static void ParamDoc(CodeWriter w, ParameterModel parameter)
    {
        string attribute = $"name=\"{parameter.Name.TrimStart('@')}\"";
        if (parameter.Description is { Length: > 0 } description)
        {
            w.DocTag("param", description, attribute);
        }
        else
        {
            w.DocXml("param", $"The <c>{CodeWriter.XmlText(parameter.WireName)}</c> {Describe(parameter.Location)}.", attribute);
        }
    }

    private static string Describe(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path parameter",
        ParameterLocation.Query => "query parameter",
        ParameterLocation.Header => "header",
        _ => "parameter",
    };
}
