// An app that references Lib (which references the MagicHour.Codegen package) and nothing else: it must get
// MagicHour.Runtime through Lib, and must not run the generator itself.
using Lib;
using Lib.Api;
using MagicHour.Runtime;

string url = Environment.GetEnvironmentVariable("MAGICHOUR_EMULATOR_URL") ?? throw new InvalidOperationException("MAGICHOUR_EMULATOR_URL is not set");

// A MagicHour.Runtime type used directly: it reached this project through Lib's package reference.
Console.WriteLine($"app: runtime {typeof(MagicHourClientOptions).Assembly.GetName().Version}, default API {MagicHourClientOptions.DefaultBaseAddress}");

using ImageApiClient client = ImageService.CreateClient(new Uri(url));
ImageProjectsGetResponse project = await ImageService.GenerateAsync(client, "A library-made image");
if (project.Status != ImageProjectsGetResponseStatus.Complete || project.Downloads.Count == 0)
{
    Console.Error.WriteLine($"app: FAILED project {project.Id} is {project.Status} with {project.Downloads.Count} downloads");
    return 1;
}

Console.WriteLine($"app: OK project={project.Id} status={project.Status} downloads={project.Downloads.Count}");
return 0;
