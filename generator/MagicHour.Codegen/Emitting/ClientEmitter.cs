using System.Collections.Generic;
using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Writes the root client and one class per operation group, with an async method per operation.</summary>
internal static class ClientEmitter
{
    public static void EmitRoot(CodeWriter w, ClientModel model)
    {
        OperationGroupModel root = model.Root;
        string name = model.ClientName;

        w.Doc(model.Documentation, $"A client for the API.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public partial class {name} : {KnownTypes.IDisposable}");
        string defaultAddress = model.DefaultBaseAddress is null ? "null" : "DefaultBaseAddress";
        if (model.DefaultBaseAddress is not null)
        {
            w.DocXml("summary", $"The address requests go to unless <see cref=\"{KnownTypes.MagicHourClientOptions}.BaseAddress\"/> is set: the spec's first server.");
            w.Line($"public static {KnownTypes.Uri} DefaultBaseAddress {{ get; }} = new({CodeWriter.Literal(model.DefaultBaseAddress)});");
            w.Line();
        }

        w.Line($"private readonly {KnownTypes.ApiPipeline} _pipeline;");
        w.Line("private readonly bool _ownsPipeline;");
        w.Line();
        w.DocTag("summary", "Creates a client with its own HTTP connection pool.");
        w.Line("/// <param name=\"options\">API key (else <c>MAGIC_HOUR_API_KEY</c>), base address, network timeout, retries, logging and your policies; null for the defaults.</param>");
        w.Line($"public {name}({KnownTypes.MagicHourClientOptions}? options = null)");
        w.Line($"    : this(new {KnownTypes.ApiPipeline}(null, options, null, {defaultAddress}), ownsPipeline: true)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocXml("summary", "Creates a client whose API key can be rotated: <c>credential.Update(newKey)</c> takes effect on the next request.");
        w.Line("/// <param name=\"credential\">The API key.</param>");
        w.Line("/// <param name=\"options\">Base address, network timeout, retries, logging and your policies; null for the defaults.</param>");
        w.Line($"public {name}({KnownTypes.ApiKeyCredential} credential, {KnownTypes.MagicHourClientOptions}? options = null)");
        w.Line($"    : this(new {KnownTypes.ApiPipeline}(null, options, credential ?? throw new {KnownTypes.ArgumentNullException}(nameof(credential)), {defaultAddress}), ownsPipeline: true)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocXml("summary", $"Creates a client over an <see cref=\"{KnownTypes.HttpClient}\"/> you manage, e.g. one from <c>IHttpClientFactory</c> (automatic redirects off, so that the key never follows one to another host).");
        w.Line("/// <param name=\"httpClient\">The HTTP client to send requests with; it is not disposed with this client.</param>");
        w.Line("/// <param name=\"options\">API key, base address, network timeout, retries, logging and your policies; null for the defaults.</param>");
        w.Line($"public {name}({KnownTypes.HttpClient} httpClient, {KnownTypes.MagicHourClientOptions}? options = null)");
        w.Line($"    : this(new {KnownTypes.ApiPipeline}(httpClient ?? throw new {KnownTypes.ArgumentNullException}(nameof(httpClient)), options, null, {defaultAddress}), ownsPipeline: true)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocTag("summary", "Creates a client over an existing pipeline, which it does not dispose.");
        w.Line("/// <param name=\"pipeline\">The pipeline that sends every request.</param>");
        w.Line($"public {name}({KnownTypes.ApiPipeline} pipeline)");
        w.Line("    : this(pipeline, ownsPipeline: false)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocTag("summary", "For mocking: a subclass overrides the members it needs (groups, operations); nothing is sent.");
        w.Open($"protected {name}()");
        w.Line("_pipeline = null!;");
        EmitNullGroups(w, root);
        w.Close();
        w.Line();
        w.Open($"private {name}({KnownTypes.ApiPipeline} pipeline, bool ownsPipeline)");
        w.Line($"_pipeline = pipeline ?? throw new {KnownTypes.ArgumentNullException}(nameof(pipeline));");
        w.Line("_ownsPipeline = ownsPipeline;");
        foreach (OperationGroupModel group in root.Groups)
        {
            w.Line($"{group.PropertyName} = new {group.ClassName}(pipeline);");
        }

        w.Close();
        w.Line();
        w.DocXml("summary", "The pipeline that sends this client's requests; its <c>Pipeline</c> is System.ClientModel's.");
        w.Line($"public virtual {KnownTypes.ApiPipeline} Pipeline => _pipeline;");
        EmitGroupProperties(w, root);
        EmitOperations(w, root);
        w.Line();
        w.DocTag("summary", "Releases the HTTP resources this client created.");
        w.Open("public void Dispose()");
        w.Open("if (_ownsPipeline && _pipeline is not null)");
        w.Line("_pipeline.Dispose();");
        w.Close();
        w.Close();
        w.Close();
    }

    public static void EmitGroup(CodeWriter w, OperationGroupModel group)
    {
        string path = "/" + string.Join("/", group.PathSegments);
        w.DocTag("summary", $"The operations under `{path}`.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public partial class {group.ClassName}");
        w.Line($"private readonly {KnownTypes.ApiPipeline} _pipeline;");
        w.Line();
        w.DocXml("summary", "For mocking: a subclass overrides the operations it needs and returns <c>ClientResult.FromValue(value, response)</c>; nothing is sent.");
        w.Open($"protected {group.ClassName}()");
        w.Line("_pipeline = null!;");
        EmitNullGroups(w, group);
        w.Close();
        w.Line();
        w.Open($"internal {group.ClassName}({KnownTypes.ApiPipeline} pipeline)");
        w.Line("_pipeline = pipeline;");
        foreach (OperationGroupModel child in group.Groups)
        {
            w.Line($"{child.PropertyName} = new {child.ClassName}(pipeline);");
        }

        w.Close();
        EmitGroupProperties(w, group);
        EmitOperations(w, group);
        w.Close();
    }

    private static void EmitGroupProperties(CodeWriter w, OperationGroupModel group)
    {
        foreach (OperationGroupModel child in group.Groups)
        {
            w.Line();
            w.DocTag("summary", $"The operations under `/{string.Join("/", child.PathSegments)}`.");
            w.Line($"public virtual {child.ClassName} {child.PropertyName} {{ get; }}");
        }
    }

    /// <summary>A mocking constructor leaves the groups to the subclass (which overrides the properties it uses).</summary>
    private static void EmitNullGroups(CodeWriter w, OperationGroupModel group)
    {
        foreach (OperationGroupModel child in group.Groups)
        {
            w.Line($"{child.PropertyName} = null!;");
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
                WorkflowEmitter.EmitRehydrate(w, operation, operation.ProjectAdapter);
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
        var declarations = new List<string>();
        var arguments = new List<string>();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.IsRequired)
            {
                declarations.Add($"{CSharpType.Of(parameter.Type, parameter.Type.IsNullable)} {parameter.Name}");
                arguments.Add(parameter.Name);
            }
        }

        if (operation.RequestBody is { Kind: BodyKind.Json } json)
        {
            declarations.Add(json.IsRequired
                ? $"{CSharpType.Of(json.Type, false)} {json.ParameterName}"
                : $"{CSharpType.Of(json.Type, true)} {json.ParameterName} = null");
            arguments.Add(json.ParameterName!);
        }
        else if (operation.RequestBody is { Kind: BodyKind.Stream } stream)
        {
            declarations.Add(stream.IsRequired ? $"{KnownTypes.Stream} {stream.ParameterName}" : $"{KnownTypes.Stream}? {stream.ParameterName} = null");
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

        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (!parameter.IsRequired)
            {
                declarations.Add($"{CSharpType.Of(parameter.Type, true)} {parameter.Name} = null");
                arguments.Add(parameter.Name);
            }
        }

        return (declarations, arguments);
    }

    private static void EmitOperation(CodeWriter w, OperationModel operation)
    {
        OperationNames names = operation.Names;
        EmitOperationDocs(w, operation);
        Deprecations.WriteFor(w, operation);
        List<string> signature = Parameters(operation).Declarations;
        signature.Add($"{KnownTypes.CancellationToken} {names.CancellationToken} = default");
        signature.Add($"{KnownTypes.RequestOptions}? {names.RequestOptions} = null");
        string returnType = operation.ResponseKind switch
        {
            ResponseKind.Text => $"{KnownTypes.Task}<{KnownTypes.ClientResult}<string>>",
            ResponseKind.Binary => $"{KnownTypes.Task}<{KnownTypes.ClientResult}<{KnownTypes.BinaryResponse}>>",
            _ => operation.ResponseType is null ? $"{KnownTypes.Task}<{KnownTypes.ClientResult}>" : $"{KnownTypes.Task}<{KnownTypes.ClientResult}<{CSharpType.Of(operation.ResponseType, false)}>>",
        };
        w.OpenMethod($"public virtual {returnType} {operation.MethodName}Async", signature);

        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.IsRequired && !parameter.Type.IsValueType && !parameter.Type.IsNullable)
            {
                ThrowIfNull(w, parameter.Name);
            }
        }

        if (operation.RequestBody is { Kind: BodyKind.Json, IsRequired: true } json && !json.Type.IsValueType)
        {
            ThrowIfNull(w, json.ParameterName!);
        }
        else if (operation.RequestBody is { Kind: BodyKind.Stream, IsRequired: true } stream)
        {
            ThrowIfNull(w, stream.ParameterName!);
        }
        else if (operation.RequestBody is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } form)
        {
            foreach (FormFieldModel field in form.Fields)
            {
                if (field.IsRequired && (field.IsFile || field.Type.Kind == TypeRefKind.Array || !field.Type.IsValueType) && !field.Type.IsNullable)
                {
                    ThrowIfNull(w, field.Name);
                }
            }
        }

        string request = names.Request;
        w.Line($"var {request} = new {KnownTypes.ApiRequest}({HttpMethodExpression(operation.HttpMethod)}, {PathExpression(operation)}, {CodeWriter.Literal(operation.OperationId)});");
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.Location is ParameterLocation.Query or ParameterLocation.Header)
            {
                EmitParameter(w, parameter, names);
            }
        }

        if (operation.RequestBody is { Kind: BodyKind.Stream } streamBody)
        {
            EmitStreamBody(w, streamBody, request);
        }
        else if (operation.RequestBody is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } formBody)
        {
            EmitFormBody(w, formBody, names);
        }
        else if (operation.RequestBody is { } jsonBody)
        {
            string name = jsonBody.ParameterName!;
            if (jsonBody.IsRequired)
            {
                w.Line($"{request}.SetJsonBody({name}, {JsonCode.WriterDelegate(jsonBody.Type)});");
            }
            else
            {
                w.Open($"if ({name} is not null)");
                w.Line($"{request}.SetJsonBody({name}{(jsonBody.Type.IsValueType ? ".Value" : string.Empty)}, {JsonCode.WriterDelegate(jsonBody.Type)});");
                w.Close();
            }
        }

        if (operation.ResponseAccept is not null)
        {
            w.Line($"{request}.Accept = {CodeWriter.Literal(operation.ResponseAccept)};");
        }

        string tail = $"{names.RequestOptions}, {names.CancellationToken}";
        string send = operation.ResponseKind switch
        {
            ResponseKind.Text => $"SendForStringAsync({request}, {tail})",
            ResponseKind.Binary => $"SendForBinaryAsync({request}, {tail})",
            _ => operation.ResponseType is null
                ? $"SendAsync({request}, {tail})"
                : $"SendAsync<{CSharpType.Of(operation.ResponseType, false)}>({request}, {JsonCode.ReaderDelegate(operation.ResponseType)}, {tail})",
        };
        w.Line($"return _pipeline.{send};");
        w.Close();
    }

    private static void EmitOperationDocs(CodeWriter w, OperationModel operation)
    {
        w.Doc(operation.Documentation, $"{operation.HttpMethod} {operation.Path}");
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.IsRequired)
            {
                ParamDoc(w, parameter);
            }
        }

        if (operation.RequestBody is { Kind: BodyKind.Json } body)
        {
            w.DocTag("param", body.Description is { Length: > 0 } d && d != "Body" ? d : "The request body.", NameAttribute(body.ParameterName!));
        }
        else if (operation.RequestBody is { Kind: BodyKind.Stream } stream)
        {
            string description = stream.Description is { Length: > 0 } d && d != "Body" ? d : "The request body.";
            w.DocTag("param", description + " It is streamed, read once and not disposed; the call is not retried once sending began.", NameAttribute(stream.ParameterName!));
            if (stream.MediaTypeParameter is not null)
            {
                w.DocTag("param", "The media type of the body, sent as Content-Type.", NameAttribute(stream.MediaTypeParameter));
            }
        }
        else if (operation.RequestBody is { } form)
        {
            foreach (FormFieldModel field in form.Fields)
            {
                string file = field.IsFile ? " Its stream is read once and not disposed." : string.Empty;
                if (field.Description is { Length: > 0 } description)
                {
                    w.DocTag("param", description + file, NameAttribute(field.Name));
                }
                else
                {
                    w.DocXml("param", $"The <c>{CodeWriter.XmlText(field.WireName)}</c> {(!field.IsFile ? "form field" : field.Type.Kind == TypeRefKind.Array ? "files" : "file")}.{file}", NameAttribute(field.Name));
                }
            }
        }

        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (!parameter.IsRequired)
            {
                ParamDoc(w, parameter);
            }
        }

        w.DocTag("param", "Cancels the call.", NameAttribute(operation.Names.CancellationToken));
        w.DocXml("param", "Per-call headers, policies and error behaviour (<c>ErrorOptions = NoThrow</c> returns an error status instead of throwing); null for none.", NameAttribute(operation.Names.RequestOptions));
        if (operation.ResponseKind == ResponseKind.Text)
        {
            w.Line("/// <returns>The response text; <c>GetRawResponse()</c> has the status and headers.</returns>");
        }
        else if (operation.ResponseKind == ResponseKind.Binary)
        {
            w.Line("/// <returns>The response, its body still streaming. Dispose it: that releases the connection.</returns>");
        }
        else if (operation.ResponseType is not null)
        {
            w.Line("/// <returns>The response body (it converts to its type); <c>GetRawResponse()</c> has the status and headers, e.g. the request id.</returns>");
        }
        else
        {
            w.Line("/// <returns>The response's status and headers.</returns>");
        }

        string invalid = operation.ResponseKind == ResponseKind.Json ? ", or the response is not the JSON the API promises." : ".";
        string errors = operation.Errors.Count == 0
            ? "The API answered with an error status" + invalid
            : "The API answered with an error (" + string.Join("; ", operation.Errors.Select(e => e.Description is { Length: > 0 } d ? $"{e.StatusCode}: {d.TrimEnd('.')}" : e.StatusCode)) + ")" + invalid;
        w.DocTag("exception", errors, $"cref=\"{KnownTypes.MagicHourApiException}\"");
    }

    private static void ThrowIfNull(CodeWriter w, string name) => w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull({name});");

    private static string NameAttribute(string identifier) => $"name=\"{identifier.TrimStart('@')}\"";

    private static void EmitStreamBody(CodeWriter w, RequestBodyModel body, string request)
    {
        string mediaType = body.MediaTypeParameter ?? CodeWriter.Literal(body.MediaType!);
        string write = $"{request}.SetStreamBody({body.ParameterName}, {mediaType});";
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
    private static void EmitFormBody(CodeWriter w, RequestBodyModel body, OperationNames names)
    {
        string form = names.Form!;
        string item = names.Item;
        w.Line($"var {form} = new {KnownTypes.FormBody}();");
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
                string value = field.IsFile ? item : element.IsNullable ? $"{item} is null ? null : {Format(element, item, true)}" : Format(element, item, false);
                w.Open($"foreach (var {item} in {field.Name})");
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

        w.Line(body.Kind == BodyKind.Multipart ? $"{names.Request}.SetMultipartBody({form});" : $"{names.Request}.SetFormUrlEncodedBody({form});");
    }

    private static string FieldType(FormFieldModel field, bool nullable)
    {
        if (!field.IsFile)
        {
            return CSharpType.Of(field.Type, nullable);
        }

        string type = field.Type.Kind == TypeRefKind.Array ? $"{KnownTypes.IReadOnlyList}<{KnownTypes.FilePart}>" : KnownTypes.FilePart;
        return nullable ? type + "?" : type;
    }

    private static void EmitParameter(CodeWriter w, ParameterModel parameter, OperationNames names)
    {
        string add = $"{names.Request}.{(parameter.Location == ParameterLocation.Query ? "AddQuery" : "AddHeader")}";
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
                w.Open($"foreach (var {names.Item} in {items})");
                w.Line($"{add}({name}, {Format(parameter.Type.Element!, names.Item, parameter.Type.Element!.IsNullable)});");
                w.Close();
            }
            else
            {
                w.Line($"{add}({name}, {JoinItems(parameter.Type, items)});");
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
        w.Line($"{add}({name}, {value});");
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
            ParameterModel? parameter = PathParameter(operation, wireName);
            parts.Add(parameter is null
                ? CodeWriter.Literal(path.Substring(open, close - open + 1))
                : parameter.Type.Kind == TypeRefKind.Array
                    ? $"{KnownTypes.ParameterFormatter}.EscapePath({JoinItems(parameter.Type, parameter.Name)})"
                    : $"{KnownTypes.ParameterFormatter}.EscapePath({Format(parameter.Type, parameter.Name, parameter.Type.IsNullable)})");
            position = close + 1;
        }

        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static ParameterModel? PathParameter(OperationModel operation, string wireName)
    {
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Path && parameter.WireName == wireName)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>The items joined with commas; the lambda's <c>item</c> may shadow a parameter of that name.</summary>
    private static string JoinItems(TypeRef arrayType, string items) =>
        $"string.Join(\",\", {KnownTypes.Enumerable}.Select({items}, static item => {Format(arrayType.Element!, "item", arrayType.Element!.IsNullable)}))";

    /// <summary>An expression formatting a parameter value as text; <paramref name="nullable"/> values are known non-null here.</summary>
    private static string Format(TypeRef type, string value, bool nullable)
    {
        string v = nullable && type.IsValueType ? value + ".Value" : value;
        return type.Kind switch
        {
            TypeRefKind.Enum => $"{v}.Value",
            TypeRefKind.Any => $"{v}.GetRawText()",
            TypeRefKind.Bytes => $"{KnownTypes.Convert}.ToBase64String({v})",
            TypeRefKind.Object or TypeRefKind.Array or TypeRefKind.Dictionary => $"{KnownTypes.ParameterFormatter}.Format((object){v})",
            _ => $"{KnownTypes.ParameterFormatter}.Format({v})",
        };
    }

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => $"{KnownTypes.HttpMethod}.Get",
        "POST" => $"{KnownTypes.HttpMethod}.Post",
        "PUT" => $"{KnownTypes.HttpMethod}.Put",
        "DELETE" => $"{KnownTypes.HttpMethod}.Delete",
        "PATCH" => $"{KnownTypes.HttpMethod}.Patch",
        "HEAD" => $"{KnownTypes.HttpMethod}.Head",
        "OPTIONS" => $"{KnownTypes.HttpMethod}.Options",
        "TRACE" => $"{KnownTypes.HttpMethod}.Trace",
        _ => $"new {KnownTypes.HttpMethod}({CodeWriter.Literal(method)})",
    };

    private static void ParamDoc(CodeWriter w, ParameterModel parameter)
    {
        if (parameter.Description is { Length: > 0 } description)
        {
            w.DocTag("param", description, NameAttribute(parameter.Name));
        }
        else
        {
            w.DocXml("param", $"The <c>{CodeWriter.XmlText(parameter.WireName)}</c> {Describe(parameter.Location)}.", NameAttribute(parameter.Name));
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
