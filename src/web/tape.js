// Plain objects from the tape src/web/tape.rs writes (its module doc has the
// format). Imported by wasm-bindgen's glue; .ci/patch-glue.mjs copies it into
// the glue, so that the package stays two files.

const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
// A static key's JS string, by its address: the same few dozen keys, every call.
const keys = new Map();
const bits = new Uint32Array(2);
const float = new Float64Array(bits.buffer);

export function fromTape(memory, tape) {
  const bytes = new Uint8Array(memory.buffer);
  let i = 0;
  const text = (ptr, len) => {
    // short ASCII strings (most of a report's) without a TextDecoder call
    if (len <= 32) {
      let s = "";
      for (let k = ptr, end = ptr + len; k < end; k++) {
        const b = bytes[k];
        if (b > 0x7f) return decoder.decode(bytes.subarray(ptr, end));
        s += String.fromCharCode(b);
      }
      return s;
    }
    return decoder.decode(bytes.subarray(ptr, ptr + len));
  };
  const value = () => {
    switch (tape[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return tape[i++];
      case 4: bits[0] = tape[i++]; bits[1] = tape[i++]; return float[0];
      case 5: { const s = text(tape[i], tape[i + 1]); i += 2; return s; }
      case 6: { const list = []; while (tape[i] !== 8) list.push(value()); i++; return list; }
      case 7: {
        const object = {};
        // (a key's address is never 8: the module's data sits above its stack)
        while (tape[i] !== 8) {
          const at = tape[i];
          let key = keys.get(at);
          if (key === undefined) keys.set(at, (key = text(at, tape[i + 1])));
          i += 2;
          object[key] = value();
        }
        i++;
        return object;
      }
      default: throw new Error(`crossread: a broken report tape (word ${tape[i - 1]} at ${i - 1})`);
    }
  };
  return value();
}
