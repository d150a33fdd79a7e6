using System.Net.Http;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

/// <summary>Tests that set process environment variables run alone.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

/// <summary>Where a client sends its calls: the option, else MAGIC_HOUR_BASE_URL, else the spec's first server, else the default.</summary>
[Collection(nameof(EnvironmentVariables))]
public sealed class BaseAddressTests : IDisposable
{
    private const string Variable = MagicHourClientOptions.BaseAddressEnvironmentVariable;
    private static readonly Uri SpecServer = new("https://spec.example.com");

    private readonly string? _saved = Environment.GetEnvironmentVariable(Variable);

    public void Dispose() => Environment.SetEnvironmentVariable(Variable, _saved);

    [Theory]
    [InlineData("https://option.example.com/", "https://env.example.com/", true, "https://option.example.com/")]
    [InlineData(null, "https://env.example.com/", true, "https://env.example.com/")]
    [InlineData(null, "http://127.0.0.1:5087/", true, "http://127.0.0.1:5087/")]
    [InlineData(null, "  ", true, "https://spec.example.com/")]
    [InlineData(null, null, true, "https://spec.example.com/")]
    [InlineData(null, null, false, "https://api.magichour.ai/")]
    public void The_option_wins_then_the_environment_then_the_spec_then_the_default(string? option, string? environment, bool specHasServer, string expected)
    {
        Environment.SetEnvironmentVariable(Variable, environment);
        var options = new MagicHourClientOptions { ApiKey = TestApi.ApiKey };
        if (option is not null)
        {
            options.BaseAddress = new Uri(option);
        }

        using var httpClient = new HttpClient();
        using var pipeline = new ApiPipeline(httpClient, options, credential: null, specHasServer ? SpecServer : null);

        Assert.Equal(new Uri(expected), pipeline.BaseAddress);
    }

    [Theory]
    [InlineData("api.magichour.ai", "not an absolute http(s) URL")]
    [InlineData("ftp://files.example.com/", "not an absolute http(s) URL")]
    [InlineData("http://staging.example.com/", "plain http to another machine")]
    public void A_bad_environment_value_is_refused_with_a_message_that_names_the_variable(string value, string why)
    {
        Environment.SetEnvironmentVariable(Variable, value);

        var error = Assert.Throws<ArgumentException>(() => ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey }));

        Assert.Contains(Variable, error.Message);
        Assert.Contains(why, error.Message);
    }
}
