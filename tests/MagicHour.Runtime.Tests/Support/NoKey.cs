namespace MagicHour.Runtime.Tests.Support;

/// <summary>Asserts that the API key appears nowhere a user or a log could see it.</summary>
public static class NoKey
{
    /// <summary>Not in the message nor the <c>ToString()</c> of the exception or any inner exception.</summary>
    public static void In(Exception error, string key = TestApi.ApiKey)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(key, e.Message);
            Assert.DoesNotContain(key, e.ToString());
            if (e is MagicHourApiException api)
            {
                Assert.DoesNotContain(key, api.ServerMessage ?? "");
                Assert.DoesNotContain(key, api.RequestId ?? "");
            }

            if (e is Projects.MagicHourProjectException project)
            {
                Assert.DoesNotContain(key, project.ErrorCode ?? "");
                Assert.DoesNotContain(key, project.ProjectId);
                Assert.DoesNotContain(key, project.ProjectStatus ?? "");
            }
        }
    }

    /// <summary>Not in any of the lines (log lines with their structured values, console lines).</summary>
    public static void In(IEnumerable<string> lines, string key = TestApi.ApiKey)
    {
        foreach (string line in lines)
        {
            Assert.DoesNotContain(key, line);
        }
    }
}
