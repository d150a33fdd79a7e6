// The consumer proof's program (see .ci/consumer-proof.sh): it uses only what a user gets from
// <PackageReference Include="MagicHour.Codegen" /> and <AdditionalFiles Include="openapi.json" />.
// The generated client is in the project's RootNamespace, Consumer.
using System.Diagnostics;
using System.Text.Json;
using Consumer;
using MagicHour.Runtime;

string? url = Environment.GetEnvironmentVariable("MAGICHOUR_EMULATOR_URL");
if (string.IsNullOrWhiteSpace(url))
{
    Console.Error.WriteLine("consumer: MAGICHOUR_EMULATOR_URL is not set");
    return 2;
}

try
{
    using var client = new MagicHourClient(new MagicHourClientOptions { ApiKey = "test-key", BaseAddress = new Uri(url) });

    AiImageGeneratorCreateResponse created = await client.V1.AiImageGenerator.CreateAsync(new AiImageGeneratorCreateRequest
    {
        ImageCount = 1,
        Model = AiImageGeneratorCreateRequestModel.FluxSchnell,
        Style = new AiImageGeneratorCreateRequestStyle { Prompt = "A lighthouse at dusk, drawn for the consumer proof" },
    });
    Require(!string.IsNullOrEmpty(created.Id), "the create call returned no project id");

    var clock = Stopwatch.StartNew();
    ImageProjectsGetResponse project = await client.V1.ImageProjects.GetAsync(created.Id);
    while (project.Status != ImageProjectsGetResponseStatus.Complete)
    {
        Require(project.Status != ImageProjectsGetResponseStatus.Error && project.Status != ImageProjectsGetResponseStatus.Canceled,
            $"project {created.Id} ended as {project.Status}");
        Require(clock.Elapsed < TimeSpan.FromSeconds(30), $"project {created.Id} is still {project.Status} after 30 s");
        await Task.Delay(100);
        project = await client.V1.ImageProjects.GetAsync(created.Id);
    }

    Require(project.Id == created.Id, $"GET returned project {project.Id}, not {created.Id}");
    Require(project.Downloads.Count > 0, "the complete project has no downloads");

    using var http = new HttpClient();
    byte[] image = await http.GetByteArrayAsync(project.Downloads[0].Url);
    ReadOnlySpan<byte> pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    Require(image.AsSpan().StartsWith(pngSignature), $"the download ({image.Length} bytes) is not a PNG");

    Console.WriteLine(
        $"consumer: OK project={created.Id} status={project.Status} downloads={project.Downloads.Count} " +
        $"png={image.Length} bytes polled={clock.ElapsedMilliseconds} ms " +
        $"json-reflection={(JsonSerializer.IsReflectionEnabledByDefault ? "on" : "off")}");
    return 0;
}
catch (Exception exception)
{
    Console.Error.WriteLine($"consumer: FAILED {exception}");
    return 1;
}

static void Require(bool condition, string message)
{
    if (!condition)
    {
        throw new InvalidOperationException(message);
    }
}
