namespace Samverkan.Local;

/// <summary>
/// <c>dotnet run --project deploy/Local -- token ROLE [--org ID]... [--partner ID] [--personal-data] [--subject S] [--hours H] [--data DIR]</c>
/// prints a development token for a locally running platform (the one using the same data directory).
/// </summary>
public static class TokenCommand
{
    public const string Usage =
        "Usage: token registry-admin|org-editor|partner [--org INSTITUTION-ID]... [--partner ID] [--personal-data] [--subject S] [--hours H] [--data DIR]";

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("registry-admin" or "org-editor" or "partner"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var request = new TokenRequest(args[0]);
        var organisations = new List<string>();
        var dataDirectory = (string?)null;
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--org" when value is not null:
                    organisations.Add(value);
                    i++;
                    break;
                case "--partner" when value is not null:
                    request = request with { Partner = value };
                    i++;
                    break;
                case "--subject" when value is not null:
                    request = request with { Subject = value };
                    i++;
                    break;
                case "--hours" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0:
                    request = request with { Lifetime = TimeSpan.FromHours(hours) };
                    i++;
                    break;
                case "--data" when value is not null:
                    dataDirectory = Path.GetFullPath(value);
                    i++;
                    break;
                case "--personal-data":
                    request = request with { PersonalData = true };
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        if (request.Role == "org-editor" && organisations.Count == 0 || request.Role == "partner" && request.Partner is null)
        {
            Console.Error.WriteLine("An org-editor needs at least one --org, a partner needs --partner.");
            return 2;
        }
        // The subject is who the audit trail names: by default the same as the tests' callers.
        var subject = request.Subject ?? request.Role switch
        {
            "registry-admin" => TokenRequest.Admin.Subject,
            "org-editor" => TokenRequest.Editor([.. organisations]).Subject,
            _ => TokenRequest.PartnerSystem(request.Partner!).Subject,
        };
        request = request with { Organisations = organisations, Subject = subject };
        var options = new PlatformOptions { DataDirectory = dataDirectory };
        Console.WriteLine(DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(options.ResolvedDataDirectory), request));
        return 0;
    }
}
