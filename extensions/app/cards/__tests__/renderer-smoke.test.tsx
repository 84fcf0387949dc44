import { Button, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';

describe('createRenderer under Jest', () => {
  it('renders a UI extension tree and finds a button by its text', () => {
    const { render, find } = createRenderer('crm.record.sidebar');
    render(
      <>
        <Text>Hello</Text>
        <Button variant="primary">Go</Button>
      </>,
    );
    expect(find(Button).text).toBe('Go');
  });
});
