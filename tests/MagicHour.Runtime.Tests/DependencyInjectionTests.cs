using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using MagicHour.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddMagicHourClient_registers_a_working_client_that_logs_through_the_container()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddMagicHourClient(pipeline => new ImageClient(pipeline), options =>
        {
            options.ApiKey = TestApi.ApiKey;
            options.BaseAddress = emulator.BaseAddress;
            options.Polling = TestApi.FastPolling();
        });
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        ImageClient client = provider.GetRequiredService<ImageClient>();
        CreatedProject created = await TestApi.CreateImageAsync(client.Pipeline);
        TestProject final = await TestApi.WaitAsync(client.Pipeline, created.Id);

        Assert.Equal(ProjectStatus.Complete, final.Status);
        Assert.Contains(logs.Lines, l => l.Contains("ai-image-generator", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("is complete", StringComparison.Ordinal));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(TestApi.ApiKey, l));
        Assert.Same(client, provider.GetRequiredService<ImageClient>());
        Assert.Same(client.Pipeline, provider.GetRequiredKeyedService<ApiPipeline>(typeof(ImageClient)));
        Assert.Same(client.Pipeline, provider.GetRequiredService<ApiPipeline>());
    }

    [Fact]
    public async Task Two_clients_keep_their_own_options()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var services = new ServiceCollection();
        services.AddMagicHourClient(pipeline => new ImageClient(pipeline), o => { o.ApiKey = TestApi.ApiKey; o.BaseAddress = emulator.BaseAddress; });
        services.AddMagicHourClient(pipeline => new OtherClient(pipeline), o => { o.ApiKey = "other"; o.BaseAddress = emulator.BaseAddress; });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await TestApi.CreateImageAsync(provider.GetRequiredService<ImageClient>().Pipeline);
        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(provider.GetRequiredService<OtherClient>().Pipeline));

        Assert.Equal(MagicHourErrorKind.Unauthorized, error.Kind);
    }

    private sealed class ImageClient(ApiPipeline pipeline)
    {
        public ApiPipeline Pipeline { get; } = pipeline;
    }

    private sealed class OtherClient(ApiPipeline pipeline)
    {
        public ApiPipeline Pipeline { get; } = pipeline;
    }
}
