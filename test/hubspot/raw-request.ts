import { connect } from 'node:net';

/**
 * Sends raw HTTP to 127.0.0.1:`port` (the request's head, then `body`) and resolves with the first answer's head
 * and what came with it, even when the request body was never finished.
 */
export function firstAnswer(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n${body}`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', reject);
  });
}
