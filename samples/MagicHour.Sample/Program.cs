using System;
using System.Threading.Tasks;
using MagicHour.Client;
using MagicHour.Emulator;
using MagicHour.Runtime;

// A first version of the sample: generate an image against the emulator through the generated client.
await using MagicHourEmulator emulator = await MagicHourEmulator.StartAsync();
using var client = new MagicHourClient(new MagicHourClientOptions { ApiKey = "emulator", BaseAddress = emulator.BaseAddress });
AiImageGeneratorCreateResponse created = await client.V1.AiImageGenerator.CreateAsync(new AiImageGeneratorCreateRequest
{
    ImageCount = 1,
    Style = new AiImageGeneratorCreateRequestStyle { Prompt = "A lighthouse at dusk" },
});
Console.WriteLine($"Created {created.Id} for {created.CreditsCharged} credits.");
ImageProjectsGetResponse project;
do
{
    await Task.Delay(200);
    project = await client.V1.ImageProjects.GetAsync(created.Id);
}
while (project.Status != ImageProjectsGetResponseStatus.Complete && project.Status != ImageProjectsGetResponseStatus.Error);
Console.WriteLine($"{project.Status}: {project.Downloads.Count} output(s).");
