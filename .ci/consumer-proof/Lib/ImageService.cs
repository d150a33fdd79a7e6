// A library that consumes the MagicHour.Codegen package and exposes its generated client in its public API.
// .ci/consumer-proof.sh builds it for net8.0 with MagicHourCodegenNamespace=Lib.Api and MagicHourClientName=ImageApiClient.
using System;
using System.Threading;
using System.Threading.Tasks;
using Lib.Api;
using MagicHour.Runtime;

namespace Lib;

/// <summary>What the library offers its callers: a configured client and a create-and-wait helper.</summary>
public static class ImageService
{
    /// <summary>A client for the API at <paramref name="baseAddress"/>.</summary>
    public static ImageApiClient CreateClient(Uri baseAddress) =>
        new(new MagicHourClientOptions { ApiKey = "test-key", BaseAddress = baseAddress });

    /// <summary>Creates one image and waits until its project is no longer queued or rendering.</summary>
    public static async Task<ImageProjectsGetResponse> GenerateAsync(ImageApiClient client, string prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        AiImageGeneratorCreateResponse created = await client.V1.AiImageGenerator.CreateAsync(
            new AiImageGeneratorCreateRequest { ImageCount = 1, Style = new AiImageGeneratorCreateRequestStyle { Prompt = prompt } },
            cancellationToken).ConfigureAwait(false);

        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            ImageProjectsGetResponse project = await client.V1.ImageProjects.GetAsync(created.Id, cancellationToken).ConfigureAwait(false);
            if ((project.Status != ImageProjectsGetResponseStatus.Queued && project.Status != ImageProjectsGetResponseStatus.Rendering)
                || DateTime.UtcNow > deadline)
            {
                return project;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
