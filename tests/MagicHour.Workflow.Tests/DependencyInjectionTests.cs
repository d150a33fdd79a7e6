using System;
using System.Collections;
using System.Reflection;
using System.Threading.Tasks;
using MagicHour.Client;
using MagicHour.Emulator;
using MagicHour.Runtime.Http;
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
    public void The_client_is_one_shared_instance_and_resolving_it_again_holds_nothing_more()
    {
        var services = new ServiceCollection();
        services.AddMagicHourClient(options => options.ApiKey = "test-key");
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        MagicHourClient first = provider.GetRequiredService<MagicHourClient>();
        int held = DisposablesHeldBy(provider);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Same(first, provider.GetRequiredService<MagicHourClient>());
        }

        Assert.Equal(held, DisposablesHeldBy(provider));
        Assert.Same(first.Pipeline, provider.GetRequiredKeyedService<ApiPipeline>(typeof(MagicHourClient)));
        using (IServiceScope scope = provider.CreateScope())
        {
            Assert.Same(first, scope.ServiceProvider.GetRequiredService<MagicHourClient>());
        }
    }

    /// <summary>
    /// How many disposable services the root provider keeps to dispose with itself: a transient IDisposable resolved
    /// from it is one more each time. Read through reflection, as Microsoft.Extensions.DependencyInjection exposes no count.
    /// </summary>
    private static int DisposablesHeldBy(ServiceProvider provider)
    {
        object root = typeof(ServiceProvider).GetProperty("Root", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(provider)
            ?? throw new InvalidOperationException("ServiceProvider.Root not found: Microsoft.Extensions.DependencyInjection changed its internals; update this test.");
        FieldInfo field = root.GetType().GetField("_disposables", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{root.GetType().Name}._disposables not found: update this test.");
        return (field.GetValue(root) as ICollection)?.Count ?? 0;
    }

    [Fact]
    public void Without_a_base_address_the_client_uses_the_specs_server() =>
        Assert.Equal("https://api.magichour.ai/", MagicHourClient.DefaultBaseAddress.ToString());
}
