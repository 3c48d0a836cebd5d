"""A minimal local SMTP sink for the send benchmark: accepts every email, keeps nothing but a
count per recipient, and on SIGTERM writes {"messages", "recipients", "duplicates"} as JSON to
the file named on its command line. It parses only commands and finds the end of each email
with one bytes search, so that the sink, not the sender, is never what is measured (aiosmtpd
parses every line of every email in Python and tops out below the sender on a small machine).

    python bench/smtp_sink.py PORT RESULT.json
"""

import asyncio
import json
import signal
import sys
from collections import Counter

COUNTS = Counter()
END = b"\r\n.\r\n"


class Sink(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""
        self.in_data = False
        self.recipients = []
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data):
        self.buffer += data
        while self.buffer:
            if self.in_data:
                end = self.buffer.find(END)
                if end < 0:
                    self.buffer = self.buffer[-4:]  # the end mark may straddle two reads
                    return
                self.buffer = self.buffer[end + len(END) :]
                self.in_data = False
                COUNTS.update(self.recipients)
                self.recipients = []
                self.transport.write(b"250 OK queued\r\n")
                continue
            end = self.buffer.find(b"\r\n")
            if end < 0:
                return
            line, self.buffer = self.buffer[:end], self.buffer[end + 2 :]
            self.command(line)

    def command(self, line):
        verb = line[:4].upper()
        if verb == b"EHLO":
            self.transport.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
        elif verb == b"RCPT":
            self.recipients.append(line.split(b"<", 1)[-1].split(b">", 1)[0].decode("utf-8", "replace"))
            self.transport.write(b"250 OK\r\n")
        elif verb == b"DATA":
            self.in_data = True
            self.buffer = b"\r\n" + self.buffer  # so that an empty email still ends with END
            self.transport.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif verb in (b"MAIL", b"RSET"):
            self.recipients = []
            self.transport.write(b"250 OK\r\n")
        elif verb == b"QUIT":
            self.transport.write(b"221 Bye\r\n")
            self.transport.close()
        else:  # HELO, NOOP and the rest
            self.transport.write(b"250 OK\r\n")


async def main(port, result_path):
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    server = await loop.create_server(Sink, "127.0.0.1", port)
    async with server:
        await stop
    duplicates = sum(count - 1 for count in COUNTS.values() if count > 1)
    with open(result_path, "w") as result:
        json.dump({"messages": COUNTS.total(), "recipients": len(COUNTS), "duplicates": duplicates}, result)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
