using System.Threading.Tasks;
using MagicHour.Client;
using MagicHour.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MagicHour.Workflow.Tests;

/// <summary>The generated <c>services.AddMagicHourClient(...)</c> gives a working client over IHttpClientFactory.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_generated_registration_resolves_a_client_that_calls_the_api()
    {
        await using MagicHourEmulator emulator = await MagicHourEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddMagicHourClient(options =>
        {
            options.ApiKey = "test-key";
            options.BaseAddress = emulator.BaseAddress;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        MagicHourClient client = provider.GetRequiredService<MagicHourClient>();
        AiImageGeneratorCreateResponse created = await client.V1.AiImageGenerator.CreateAsync(new AiImageGeneratorCreateRequest
        {
            ImageCount = 1,
            Style = new AiImageGeneratorCreateRequestStyle { Prompt = "A fox" },
        });

        ImageProjectsGetResponse project = await client.V1.ImageProjects.GetAsync(created.Id);
        Assert.Equal(created.Id, project.Id);
        Assert.Equal(1, emulator.Stats.CreateCount);
    }

    [Fact]
    public void Without_a_base_address_the_client_uses_the_specs_server() =>
        Assert.Equal("https://api.magichour.ai/", MagicHourClient.DefaultBaseAddress.ToString());
}
