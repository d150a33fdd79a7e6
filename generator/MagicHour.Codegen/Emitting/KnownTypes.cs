namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Every framework and runtime type the generated code names, fully qualified. Generated files have no <c>using</c>s,
/// so a schema may take any name (<c>Task</c>, <c>Uri</c>, <c>System</c>, <c>FilePart</c>…) without changing what
/// these refer to. Generated types are the only names written unqualified.
/// </summary>
internal static class KnownTypes
{
    // System
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string Action = "global::System.Action";
    public const string Array = "global::System.Array";
    public const string Convert = "global::System.Convert";
    public const string DateOnly = "global::System.DateOnly";
    public const string DateTimeOffset = "global::System.DateTimeOffset";
    public const string Guid = "global::System.Guid";
    public const string IDisposable = "global::System.IDisposable";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string IEquatable = "global::System.IEquatable";
    public const string StringComparer = "global::System.StringComparer";
    public const string StringComparison = "global::System.StringComparison";
    public const string StringBuilder = "global::System.Text.StringBuilder";
    public const string Type = "global::System.Type";
    public const string Uri = "global::System.Uri";

    // Attributes, written the short way ([global::System.Obsolete(...)]).
    public const string ObsoleteAttribute = "global::System.Obsolete";
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string SetsRequiredMembersAttribute = "global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers";
    public const string EditorBrowsableAttribute = "global::System.ComponentModel.EditorBrowsable";
    public const string EditorBrowsableState = "global::System.ComponentModel.EditorBrowsableState";
    public const string JsonConverterAttribute = "global::System.Text.Json.Serialization.JsonConverter";

    // Collections
    public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string List = "global::System.Collections.Generic.List";
    public const string Enumerable = "global::System.Linq.Enumerable";

    // I/O, HTTP, tasks
    public const string Stream = "global::System.IO.Stream";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";

    // System.Text.Json
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";

    // System.ClientModel
    public const string ApiKeyCredential = "global::System.ClientModel.ApiKeyCredential";
    public const string ClientResult = "global::System.ClientModel.ClientResult";
    public const string ContinuationToken = "global::System.ClientModel.ContinuationToken";
    public const string RequestOptions = "global::System.ClientModel.Primitives.RequestOptions";

    // Microsoft.Extensions.Configuration and DependencyInjection
    public const string IConfiguration = "global::Microsoft.Extensions.Configuration.IConfiguration";
    public const string IServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string IHttpClientBuilder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";

    // MagicHour.Runtime
    public const string MagicHourApiException = "global::MagicHour.Runtime.MagicHourApiException";
    public const string MagicHourClientOptions = "global::MagicHour.Runtime.MagicHourClientOptions";
    public const string ApiPipeline = "global::MagicHour.Runtime.Http.ApiPipeline";
    public const string ApiRequest = "global::MagicHour.Runtime.Http.ApiRequest";
    public const string BinaryResponse = "global::MagicHour.Runtime.Http.BinaryResponse";
    public const string FilePart = "global::MagicHour.Runtime.Http.FilePart";
    public const string FormBody = "global::MagicHour.Runtime.Http.FormBody";
    public const string ParameterFormatter = "global::MagicHour.Runtime.Http.ParameterFormatter";
    public const string JsonRuntimeNamespace = "global::MagicHour.Runtime.Json";
    public const string IJsonCodec = JsonRuntimeNamespace + ".IJsonCodec";
    public const string JsonCodec = JsonRuntimeNamespace + ".JsonCodec";
    public const string IJsonEnum = JsonRuntimeNamespace + ".IJsonEnum";
    public const string IJsonModel = JsonRuntimeNamespace + ".IJsonModel";
    public const string JsonEnum = JsonRuntimeNamespace + ".JsonEnum";
    public const string JsonModelConverter = JsonRuntimeNamespace + ".JsonModelConverter";
    public const string JsonModelReader = JsonRuntimeNamespace + ".JsonModelReader";
    public const string JsonModelWriter = JsonRuntimeNamespace + ".JsonModelWriter";
    public const string JsonModelPrinter = JsonRuntimeNamespace + ".JsonModelPrinter";
    public const string JsonList = JsonRuntimeNamespace + ".JsonList";
    public const string JsonDictionary = JsonRuntimeNamespace + ".JsonDictionary";
    public const string JsonNullable = JsonRuntimeNamespace + ".JsonNullable";
    public const string JsonNullableValue = JsonRuntimeNamespace + ".JsonNullableValue";
    public const string JsonAny = JsonRuntimeNamespace + ".JsonAny";
    public const string GenerateOptions = "global::MagicHour.Runtime.Projects.GenerateOptions";
    public const string MagicHourProjectException = "global::MagicHour.Runtime.Projects.MagicHourProjectException";
    public const string ProjectOperation = "global::MagicHour.Runtime.Projects.ProjectOperation";
    public const string ProjectResult = "global::MagicHour.Runtime.Projects.ProjectResult";
    public const string ProjectWorkflow = "global::MagicHour.Runtime.Projects.ProjectWorkflow";
    public const string ProjectState = "global::MagicHour.Runtime.Projects.ProjectState";
    public const string AssetUploadRequest = "global::MagicHour.Runtime.Files.AssetUploadRequest";
    public const string AssetUploadTarget = "global::MagicHour.Runtime.Files.AssetUploadTarget";
    public const string MagicHourServiceCollectionExtensions = "global::Microsoft.Extensions.DependencyInjection.MagicHourServiceCollectionExtensions";
}
