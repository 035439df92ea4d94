using Microsoft.Extensions.Options;

namespace CopBot.Protocol.Authentication;

/// <summary>Refuses, at start-up, settings that would make inbound authentication unsafe or impossible.</summary>
internal sealed class BotAuthenticationOptionsValidator
    : IValidateOptions<BotCredentialsOptions>, IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        var failures = new List<string>();
        AddIfFailed(failures, MetadataAddressPolicy.Check(options.ToBotFromChannelOpenIdMetadataUrl, nameof(options.ToBotFromChannelOpenIdMetadataUrl)));
        if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
        {
            failures.Add($"{nameof(options.ToBotFromChannelTokenIssuer)} must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var failures = new List<string>();
        // Check the address a real tenant id would produce.
        AddIfFailed(failures, MetadataAddressPolicy.Check(options.ResolveTenantMetadataUrl("tenant"), nameof(options.TenantOpenIdMetadataUrlTemplate)));
        if (options.UnknownKeyRefreshInterval < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.UnknownKeyRefreshInterval)} must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfFailed(List<string> failures, string? failure)
    {
        if (failure is not null)
        {
            failures.Add(failure);
        }
    }
}
