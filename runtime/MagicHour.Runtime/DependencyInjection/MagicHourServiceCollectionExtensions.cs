using System;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Threading;
using MagicHour.Runtime;
using MagicHour.Runtime.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Magic Hour clients with dependency injection the way OpenAI and Azure SDK clients are registered: one
/// thread-safe client per application, sending through a named <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.
/// </summary>
public static class MagicHourServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton over a named <see cref="HttpClient"/> (automatic redirects
    /// off, no HttpClient timeout: the pipeline applies its own) and an <see cref="ApiPipeline"/>, keyed by
    /// <c>typeof(TClient)</c> and, for the first client registered, also unkeyed. The pipeline logs through the
    /// container's <see cref="ILoggerFactory"/> unless the options' <see cref="ClientLoggingOptions"/> name another.
    /// </summary>
    /// <remarks>
    /// The client and its pipeline are singletons: resolving the client again and again returns the same instance, and
    /// the container holds nothing more for it. The one <see cref="HttpClient"/> they keep comes from the factory with
    /// handler rotation off; its <see cref="SocketsHttpHandler"/> renews connections every few minutes instead
    /// (<see cref="SocketsHttpHandler.PooledConnectionLifetime"/>), so DNS changes are still followed. The options are
    /// named after the client (<c>MagicHour:</c> and its full type name), so two clients keep their own.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="create">Makes the client over its pipeline.</param>
    /// <param name="configure">Sets the options, e.g. the API key; without a key, <c>MAGIC_HOUR_API_KEY</c> is read.</param>
    /// <param name="defaultBaseAddress">The address used when the options set none, e.g. the spec's first server.</param>
    /// <returns>The builder of the named HttpClient, to add handlers or settings.</returns>
    public static IHttpClientBuilder AddMagicHourClient<TClient>(
        this IServiceCollection services,
        Func<ApiPipeline, TClient> create,
        Action<MagicHourClientOptions>? configure = null,
        Uri? defaultBaseAddress = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        string name = OptionsName(typeof(TClient));

        OptionsBuilder<MagicHourClientOptions> options = services.AddOptions<MagicHourClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            if (o.ClientLoggingOptions?.LoggerFactory is null && provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                (o.ClientLoggingOptions ??= new ClientLoggingOptions()).LoggerFactory = loggerFactory;
            }
        });

        IHttpClientBuilder builder = services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(ApiPipeline.CreateDefaultHandler)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddKeyedSingleton(typeof(TClient), (provider, _) => CreatePipeline(provider, name, defaultBaseAddress));
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<ApiPipeline>(typeof(TClient)));
        services.TryAddSingleton(provider => create(provider.GetRequiredKeyedService<ApiPipeline>(typeof(TClient))));
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as <see cref="AddMagicHourClient{TClient}(IServiceCollection, Func{ApiPipeline, TClient}, Action{MagicHourClientOptions}?, Uri?)"/>
    /// does, with options read from <paramref name="configuration"/> (e.g. <c>builder.Configuration.GetSection("MagicHour")</c>)
    /// by <see cref="MagicHourClientOptions.Configure(IConfiguration)"/>: without reflection, safe to trim.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="create">Makes the client over its pipeline.</param>
    /// <param name="configuration">The client's configuration section.</param>
    /// <param name="configure">Sets further options after the configuration was read; null for none.</param>
    /// <param name="defaultBaseAddress">The address used when the options set none, e.g. the spec's first server.</param>
    /// <returns>The builder of the named HttpClient, to add handlers or settings.</returns>
    public static IHttpClientBuilder AddMagicHourClient<TClient>(
        this IServiceCollection services,
        Func<ApiPipeline, TClient> create,
        IConfiguration configuration,
        Action<MagicHourClientOptions>? configure = null,
        Uri? defaultBaseAddress = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMagicHourClient(
            create,
            options =>
            {
                options.Configure(configuration);
                configure?.Invoke(options);
            },
            defaultBaseAddress);
    }

    /// <summary>The name of <paramref name="clientType"/>'s options and HttpClient.</summary>
    internal static string OptionsName(Type clientType) => "MagicHour:" + clientType.FullName;

    private static ApiPipeline CreatePipeline(IServiceProvider provider, string name, Uri? defaultBaseAddress) => new(
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
        provider.GetRequiredService<IOptionsMonitor<MagicHourClientOptions>>().Get(name),
        credential: null,
        defaultBaseAddress);
}
