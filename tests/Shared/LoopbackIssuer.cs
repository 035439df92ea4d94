// Linked as a source file into test projects: keep it self-contained (ASP.NET Core + BCL only).
using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Testing;

/// <summary>What a <see cref="LoopbackIssuer"/> looks like from outside.</summary>
public sealed record LoopbackIssuerOptions
{
    /// <summary>The <c>issuer</c> of the metadata document and the default <c>iss</c> of tokens.</summary>
    public string Issuer { get; init; } = LoopbackIssuer.BotFrameworkIssuer;

    /// <summary>Endorsements of the issuer's <see cref="LoopbackIssuer.EndorsedKeyId"/> key; null publishes it without any.</summary>
    public IReadOnlyList<string>? Endorsements { get; init; } = ["msteams", "emulator"];

    /// <summary>The metadata document's <c>jwks_uri</c>; null points at this issuer's own JWKS.</summary>
    public string? JwksUri { get; init; }

    /// <summary>Clock for default token times; pass the FakeTimeProvider the code under test uses.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>One token to mint. Everything but the audience has a Bot Framework-like default.</summary>
public sealed record LoopbackTokenOptions
{
    public required string Audience { get; init; }

    /// <summary>The <c>serviceurl</c> claim; null leaves it out.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Null uses the issuer's own <see cref="LoopbackIssuerOptions.Issuer"/>.</summary>
    public string? Issuer { get; init; }

    /// <summary>Defaults to one minute before now.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Defaults to one hour after now.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Leave the <c>exp</c> claim out.</summary>
    public bool OmitExpires { get; init; }

    /// <summary>Which key signs; null means the issuer's <see cref="LoopbackIssuer.EndorsedKeyId"/>.</summary>
    public string? SigningKeyId { get; init; }

    /// <summary>The <c>kid</c> header when it should differ from the signing key; empty leaves it out.</summary>
    public string? KeyIdHeader { get; init; }

    /// <summary>RS256/384/512 and PS256 sign with the RSA key; ES256 with a throwaway EC key; HS256 with the
    /// RSA public key's PEM text as HMAC secret (the key-confusion attack); <c>none</c> has no signature.</summary>
    public string Algorithm { get; init; } = "RS256";

    /// <summary>Drop the signature but keep the header's algorithm.</summary>
    public bool StripSignature { get; init; }

    public IReadOnlyDictionary<string, object>? ExtraClaims { get; init; }
}

/// <summary>
/// A local OpenID issuer on http://127.0.0.1:0: serves an OpenID configuration document and a JWKS whose keys
/// may carry Bot Framework <c>endorsements</c>, and mints tokens with any flaw a test needs.
/// </summary>
public sealed class LoopbackIssuer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string MetadataPath = "/.well-known/openid-configuration";
    private const string JwksPath = "/keys";

    // RSA key generation costs ~0.2 s; tests start many issuers, so keys come from a small process-wide pool.
    // Kids are unique per issuer, so shared key material never lets one issuer's token pass at another.
    private const int KeyPoolSize = 16;
    private static readonly RSAParameters?[] KeyPool = new RSAParameters?[KeyPoolSize];
    private static readonly Lock KeyPoolGate = new();
    private static int s_nextPoolSlot = -1;
    private static int s_issuerCount;

    private readonly WebApplication _app;
    private readonly LoopbackIssuerOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuerKey> _keys = [];
    private int _metadataRequests;
    private int _jwksRequests;

    private LoopbackIssuer(WebApplication app, LoopbackIssuerOptions options)
    {
        _app = app;
        _options = options;
        BaseUrl = "";
        var instance = Interlocked.Increment(ref s_issuerCount);
        EndorsedKeyId = $"endorsed-{instance}";
        UnendorsedKeyId = $"unendorsed-{instance}";
    }

    /// <summary>Kid of the key published with <see cref="LoopbackIssuerOptions.Endorsements"/>; signs tokens by default.</summary>
    public string EndorsedKeyId { get; }

    /// <summary>Kid of the key published without any endorsements.</summary>
    public string UnendorsedKeyId { get; }

    public string Issuer => _options.Issuer;

    public string BaseUrl { get; private set; }

    public string MetadataUrl => BaseUrl + MetadataPath;

    public string JwksUrl => BaseUrl + JwksPath;

    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    public int JwksRequestCount => Volatile.Read(ref _jwksRequests);

    public static async Task<LoopbackIssuer> StartAsync(LoopbackIssuerOptions? options = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var issuer = new LoopbackIssuer(builder.Build(), options ?? new LoopbackIssuerOptions());
        issuer.AddKey(issuer._options.Endorsements, publish: true, keyId: issuer.EndorsedKeyId);
        issuer.AddKey(endorsements: null, publish: true, keyId: issuer.UnendorsedKeyId);
        issuer._app.Run(issuer.HandleAsync);
        await issuer._app.StartAsync();
        var addresses = issuer._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        issuer.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        return issuer;
    }

    /// <summary>Adds an RSA key; published keys appear in the JWKS from the next fetch on (key rotation).</summary>
    public string AddKey(IReadOnlyList<string>? endorsements, bool publish = true, string? keyId = null)
    {
        var key = new IssuerKey(keyId ?? "key-" + Guid.NewGuid().ToString("N"), PooledRsa(), endorsements) { Published = publish };
        lock (_gate)
        {
            _keys.Add(key.KeyId, key);
        }

        return key.KeyId;
    }

    public void PublishKey(string keyId)
    {
        lock (_gate)
        {
            _keys[keyId].Published = true;
        }
    }

    public string CreateToken(LoopbackTokenOptions token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = FindKey(token.SigningKeyId ?? EndorsedKeyId);
        var header = new Dictionary<string, object> { ["alg"] = token.Algorithm, ["typ"] = "JWT" };
        var kid = token.KeyIdHeader ?? key.KeyId;
        if (kid.Length > 0)
        {
            header["kid"] = kid;
        }

        var signingInput = Encode(header) + "." + Encode(CreatePayload(token));
        var signature = token.StripSignature ? [] : Sign(token.Algorithm, key.Rsa, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        lock (_gate)
        {
            foreach (var key in _keys.Values)
            {
                key.Rsa.Dispose();
            }
        }
    }

    /// <summary>Consecutive calls get distinct key material (so an issuer's own keys always differ).</summary>
    private static RSA PooledRsa()
    {
        var slot = (int)((uint)Interlocked.Increment(ref s_nextPoolSlot) % KeyPoolSize);
        RSAParameters parameters;
        lock (KeyPoolGate)
        {
            if (KeyPool[slot] is null)
            {
                using var generated = RSA.Create(2048);
                KeyPool[slot] = generated.ExportParameters(includePrivateParameters: true);
            }

            parameters = KeyPool[slot]!.Value;
        }

        var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        return rsa;
    }

    private Dictionary<string, object> CreatePayload(LoopbackTokenOptions token)
    {
        var now = _options.Clock.GetUtcNow();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = token.Issuer ?? _options.Issuer,
            ["aud"] = token.Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = (token.NotBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
        };
        if (!token.OmitExpires)
        {
            payload["exp"] = (token.Expires ?? now.AddHours(1)).ToUnixTimeSeconds();
        }

        if (token.ServiceUrl is not null)
        {
            payload["serviceurl"] = token.ServiceUrl;
        }

        foreach (var (name, value) in token.ExtraClaims ?? new Dictionary<string, object>())
        {
            payload[name] = value;
        }

        return payload;
    }

    private static byte[] Sign(string algorithm, RSA rsa, byte[] data)
    {
        switch (algorithm)
        {
            case "RS256": return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            case "RS384": return rsa.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
            case "RS512": return rsa.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
            case "PS256": return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            case "HS256": return HMACSHA256.HashData(Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()), data);
            case "none": return [];
            case "ES256":
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    return ec.SignData(data, HashAlgorithmName.SHA256);
                }

            default: throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported test algorithm.");
        }
    }

    private IssuerKey FindKey(string keyId)
    {
        lock (_gate)
        {
            return _keys[keyId];
        }
    }

    private Task HandleAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case MetadataPath:
                Interlocked.Increment(ref _metadataRequests);
                return WriteJsonAsync(context, new Dictionary<string, object>
                {
                    ["issuer"] = _options.Issuer,
                    ["jwks_uri"] = _options.JwksUri ?? JwksUrl,
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                    ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
                });
            case JwksPath:
                Interlocked.Increment(ref _jwksRequests);
                return WriteJsonAsync(context, new Dictionary<string, object> { ["keys"] = PublishedJwks() });
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
        }
    }

    private List<Dictionary<string, object>> PublishedJwks()
    {
        lock (_gate)
        {
            return _keys.Values.Where(key => key.Published).Select(key => key.ToJwk()).ToList();
        }
    }

    private static Task WriteJsonAsync(HttpContext context, object document)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(document));
    }

    private static string Encode(Dictionary<string, object> json) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(json));

    private sealed class IssuerKey(string keyId, RSA rsa, IReadOnlyList<string>? endorsements)
    {
        public string KeyId { get; } = keyId;

        public RSA Rsa { get; } = rsa;

        public bool Published { get; set; }

        public Dictionary<string, object> ToJwk()
        {
            var parameters = Rsa.ExportParameters(includePrivateParameters: false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = endorsements;
            }

            return jwk;
        }
    }
}
