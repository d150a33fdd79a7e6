using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Writes the <c>services.Add{Client}(...)</c> extension that registers the client with dependency injection.</summary>
internal static class ServiceCollectionEmitter
{
    public static string Emit(ClientModel model)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, model.Namespace);
        string name = model.ClientName;
        string defaultAddress = model.DefaultBaseAddress is null ? "null" : $"{name}.DefaultBaseAddress";
        w.DocXml("summary", $"Registers <see cref=\"{name}\"/> with dependency injection.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public static class {name}ServiceCollectionExtensions");
        w.DocXml("summary", string.Join("\n", new[]
        {
            $"Registers <see cref=\"{name}\"/> as a singleton over a named <see cref=\"{KnownTypes.HttpClient}\"/> from <c>IHttpClientFactory</c>,",
            "logging through the container's logger factory. The client is thread-safe: resolve it wherever it is needed.",
        }));
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configure\">Sets the options, e.g. the API key; without one, <c>MAGIC_HOUR_API_KEY</c> is read.</param>");
        w.Line("/// <returns>The builder of the underlying HttpClient, to add handlers or settings.</returns>");
        w.OpenMethod(
            $"public static {KnownTypes.IHttpClientBuilder} Add{name}",
            new[] { $"this {KnownTypes.IServiceCollection} services", $"{KnownTypes.Action}<{KnownTypes.MagicHourClientOptions}>? configure = null" });
        w.Line($"return {KnownTypes.MagicHourServiceCollectionExtensions}.AddMagicHourClient(");
        w.Line($"    services, static pipeline => new {name}(pipeline), configure, {defaultAddress});");
        w.Close();
        w.Line();
        w.DocXml("summary", string.Join("\n", new[]
        {
            $"Registers <see cref=\"{name}\"/> like <see cref=\"Add{name}({KnownTypes.IServiceCollection}, {KnownTypes.Action}{{{KnownTypes.MagicHourClientOptions}}})\"/>, with options read",
            "from configuration, e.g. <c>builder.Configuration.GetSection(\"MagicHour\")</c> (<c>ApiKey</c>, <c>BaseAddress</c>, <c>NetworkTimeout</c>,",
            "<c>ApplicationId</c>, <c>Retry</c>, <c>Polling</c>…), without reflection.",
        }));
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configuration\">The client's configuration section.</param>");
        w.Line("/// <param name=\"configure\">Sets further options after the configuration was read; null for none.</param>");
        w.Line("/// <returns>The builder of the underlying HttpClient, to add handlers or settings.</returns>");
        w.OpenMethod(
            $"public static {KnownTypes.IHttpClientBuilder} Add{name}",
            new[] { $"this {KnownTypes.IServiceCollection} services", $"{KnownTypes.IConfiguration} configuration", $"{KnownTypes.Action}<{KnownTypes.MagicHourClientOptions}>? configure = null" });
        w.Line($"return {KnownTypes.MagicHourServiceCollectionExtensions}.AddMagicHourClient(");
        w.Line($"    services, static pipeline => new {name}(pipeline), configuration, configure, {defaultAddress});");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
