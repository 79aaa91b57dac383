/**
 * How many NUL bytes sit at odd and at even offsets. UTF-16LE text of mostly ASCII (digits, spaces, line ends, as
 * wsl.exe and `wevtutil /uni:true` print) has its NULs at odd offsets; valid UTF-8 and the OEM code pages have none.
 * The one count every encoding guess in Headroom shares.
 */
export function nulParity(bytes: Uint8Array): { readonly odd: number; readonly even: number } {
  let odd = 0;
  let even = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] !== 0) continue;
    if (index % 2 === 1) odd += 1;
    else even += 1;
  }
  return { odd, even };
}
