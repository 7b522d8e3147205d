using Microsoft.Extensions.Logging;

namespace Samverkan.Events.Tests.Support;

public static class TestLogging
{
    /// <summary>Quiet by default; SAMVERKAN_TEST_LOGS=1 shows the relay's and the test apps' logs.</summary>
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("SAMVERKAN_TEST_LOGS") == "1")
        {
            logging.AddConsole();
        }
    }
}
