using System.Security.Cryptography;
using System.Text;

namespace Onboarding.Core.Accounts;

public static class Secrets
{
    /// <summary>An unguessable URL-safe token (256 bits).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A password people can type: five groups of four lower-case letters and digits.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 4));
        return string.Join('-', groups);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
